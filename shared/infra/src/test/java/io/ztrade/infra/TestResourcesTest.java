package io.ztrade.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

class TestResourcesTest {

    @Test
    void postgresResourceConfiguresAQuarkusDatasourceForAnExistingDatabase() throws Exception {
        Map<String, String> config = started(new PostgresResource(), Map.of());

        assertThat(config).containsEntry("quarkus.datasource.db-kind", "postgresql")
                .containsKeys("quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password");
        assertThat(config.get("quarkus.datasource.jdbc.url")).endsWith("/" + EmbeddedInfrastructure.DATABASE);
        try (Connection c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"))) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    @Test
    void postgresResourceCreatesTheDatabaseNamedInItsInitArguments() throws Exception {
        Map<String, String> config = started(new PostgresResource(), Map.of(PostgresResource.DATABASE, "orderbook"));

        assertThat(config.get("quarkus.datasource.jdbc.url")).endsWith("/orderbook");
        try (Connection c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"))) {
            assertThat(c.getCatalog()).isEqualTo("orderbook");
        }
    }

    @Test
    void everyResourceInstanceInTheJvmSharesOneServer() {
        assertThat(started(new PostgresResource(), Map.of())).isEqualTo(started(new PostgresResource(), Map.of()));
        assertThat(started(new RedisResource(), Map.of())).isEqualTo(started(new RedisResource(), Map.of()));
    }

    @Test
    void resourcesLoadedByAnotherClassLoaderShareTheSameServers() throws Exception {
        Map<String, String> here = started(new PostgresResource(), Map.of());
        Map<String, String> redisHere = started(new RedisResource(), Map.of());

        try (ApplicationClassLoader application = new ApplicationClassLoader()) {
            Class<?> isolated = application.loadClass(PostgresResource.class.getName());
            assertThat(isolated).isNotSameAs(PostgresResource.class);
            QuarkusTestResourceLifecycleManager there =
                    (QuarkusTestResourceLifecycleManager) isolated.getConstructor().newInstance();
            QuarkusTestResourceLifecycleManager redisThere = (QuarkusTestResourceLifecycleManager)
                    application.loadClass(RedisResource.class.getName()).getConstructor().newInstance();

            assertThat(started(there, Map.of())).isEqualTo(here);
            assertThat(started(redisThere, Map.of())).isEqualTo(redisHere);
        }
    }

    @Test
    void kafkaResourceCreatesTheTopicsNamedInItsInitArguments() throws Exception {
        Map<String, String> config = started(new KafkaResource(), Map.of(KafkaResource.TOPICS, "ztrade.orders:3, ztrade.signals"));

        assertThat(config).containsOnlyKeys("kafka.bootstrap.servers");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", config.get("kafka.bootstrap.servers")))) {
            var topics = admin.describeTopics(List.of("ztrade.orders", "ztrade.signals")).allTopicNames().get();
            assertThat(topics.get("ztrade.orders").partitions()).hasSize(3);
            assertThat(topics.get("ztrade.signals").partitions()).hasSize(1);
        }
    }

    @Test
    void redisResourceConfiguresQuarkusRedisHosts() {
        assertThat(started(new RedisResource(), Map.of()).get("quarkus.redis.hosts")).matches("redis://localhost:\\d+");
    }

    private static Map<String, String> started(QuarkusTestResourceLifecycleManager resource, Map<String, String> args) {
        resource.init(args);
        Map<String, String> config = resource.start();
        resource.stop();
        return config;
    }

    /** Loads this module's classes itself, as Quarkus does for each application it starts. */
    private static final class ApplicationClassLoader extends URLClassLoader {

        ApplicationClassLoader() {
            super(new URL[] {PostgresResource.class.getProtectionDomain().getCodeSource().getLocation()},
                    ClassLoader.getSystemClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("io.ztrade.infra.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }
    }
}
