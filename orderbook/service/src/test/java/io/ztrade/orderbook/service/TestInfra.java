package io.ztrade.orderbook.service;

import io.ztrade.infra.KafkaResource;
import io.ztrade.infra.PostgresResource;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The test JVM's Kafka and PostgreSQL (the same servers the {@code @QuarkusTest}s get), for plain
 * tests; PostgreSQL migrated with this module's Flyway scripts.
 */
public final class TestInfra {

    private static DataSource dataSource;

    private TestInfra() {}

    /** Bootstrap servers; creates the topics ({@code name:partitions}) if missing. */
    public static String kafka(String... topics) {
        KafkaResource resource = new KafkaResource();
        resource.init(Map.of(KafkaResource.TOPICS, String.join(",", topics)));
        return resource.start().get("kafka.bootstrap.servers");
    }

    /** Config of the test PostgreSQL ({@code quarkus.datasource.*} keys). */
    public static Map<String, String> postgresConfig() {
        PostgresResource resource = new PostgresResource();
        resource.init(Map.of());
        return resource.start();
    }

    /** A data source on the test PostgreSQL with the orderbook schema migrated. */
    public static synchronized DataSource postgres() {
        if (dataSource == null) {
            Map<String, String> config = postgresConfig();
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(config.get("quarkus.datasource.jdbc.url"));
            ds.setUser(config.get("quarkus.datasource.username"));
            ds.setPassword(config.get("quarkus.datasource.password"));
            migrate(ds);
            dataSource = ds;
        }
        return dataSource;
    }

    /** Applies {@code db/orderbook} the way the application does. */
    public static void migrate(DataSource ds) {
        Flyway.configure().dataSource(ds).locations("classpath:db/orderbook").schemas("orderbook")
                .defaultSchema("orderbook").load().migrate();
    }
}
