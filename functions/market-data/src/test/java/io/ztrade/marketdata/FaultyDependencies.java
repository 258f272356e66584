package io.ztrade.marketdata;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.ztrade.infra.PostgresResource;
import io.ztrade.infra.RedisResource;
import io.ztrade.testtools.FaultProxy;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM's real PostgreSQL and Redis, reached through {@link FaultProxy}s that a test cuts to take
 * either "down" in the middle of a fetch.
 */
public class FaultyDependencies implements QuarkusTestResourceLifecycleManager {

    static volatile FaultProxy postgres;
    static volatile FaultProxy redis;

    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(.+)");

    @Override
    public Map<String, String> start() {
        PostgresResource database = new PostgresResource();
        database.init(Map.of(PostgresResource.DATABASE, "marketdata_outage")); // its own tables, nothing shared
        Map<String, String> config = database.start();
        Matcher m = JDBC.matcher(config.get("quarkus.datasource.jdbc.url"));
        if (!m.matches()) {
            throw new IllegalStateException("unexpected JDBC URL " + config.get("quarkus.datasource.jdbc.url"));
        }
        postgres = FaultProxy.start(m.group(1), Integer.parseInt(m.group(2)));
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + postgres.port() + "/" + m.group(3));
        URI redisUri = URI.create(new RedisResource().start().get("quarkus.redis.hosts"));
        redis = FaultProxy.start(redisUri.getHost(), redisUri.getPort());
        config.put("quarkus.redis.hosts", "redis://localhost:" + redis.port());
        return config;
    }

    @Override
    public void stop() {
        postgres.close();
        redis.close();
    }
}
