package io.ztrade.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource: a real PostgreSQL 17, one server per test JVM, shared by all Quarkus
 * applications the tests start. Provides {@code quarkus.datasource.db-kind=postgresql},
 * {@code quarkus.datasource.jdbc.url}, {@code quarkus.datasource.username} and
 * {@code quarkus.datasource.password} for database {@value EmbeddedInfrastructure#DATABASE}, or
 * the one named by the {@link #DATABASE} init argument (created if missing).
 *
 * <pre>{@code
 * @QuarkusTest
 * @QuarkusTestResource(PostgresResource.class)
 * class BacktestRepositoryTest { ... }
 * }</pre>
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    /** Init argument: the database to use instead of {@value EmbeddedInfrastructure#DATABASE}. */
    public static final String DATABASE = "database";

    private String database = EmbeddedInfrastructure.DATABASE;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE, EmbeddedInfrastructure.DATABASE);
    }

    @Override
    public Map<String, String> start() {
        return JvmShared.call("postgres", new Class<?>[] {String.class}, database);
    }

    /** The server serves the whole test JVM and stops with it. */
    @Override
    public void stop() {
    }
}
