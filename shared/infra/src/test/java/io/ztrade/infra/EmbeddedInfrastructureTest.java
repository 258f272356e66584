package io.ztrade.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

class EmbeddedInfrastructureTest {

    @Test
    void startsAllThreeServersAndDescribesThemAsQuarkusConfig() throws Exception {
        int kafkaPort;
        int postgresPort;
        int redisPort;
        Path kafkaData;
        Path postgresData;
        Path redisWork;
        try (EmbeddedInfrastructure infra = EmbeddedInfrastructure.start()) {
            Map<String, String> config = infra.quarkusConfig();

            assertThat(config).containsOnlyKeys("kafka.bootstrap.servers", "quarkus.datasource.jdbc.url",
                    "quarkus.datasource.username", "quarkus.datasource.password", "quarkus.redis.hosts");
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", config.get("kafka.bootstrap.servers")))) {
                assertThat(admin.describeCluster().nodes().get()).hasSize(1);
            }
            try (Connection c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                    config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"))) {
                assertThat(c.getCatalog()).isEqualTo(EmbeddedInfrastructure.DATABASE);
            }
            redisPort = URI.create(config.get("quarkus.redis.hosts")).getPort();
            assertThat(FreePorts.isListening(redisPort)).isTrue();

            kafkaPort = Integer.parseInt(config.get("kafka.bootstrap.servers").replaceAll(".*:", ""));
            postgresPort = infra.postgres().port();
            kafkaData = infra.kafka().dataDirectory();
            postgresData = infra.postgres().dataDirectory();
            redisWork = infra.redis().executable().startsWith(System.getProperty("java.io.tmpdir"))
                    ? infra.redis().executable().getParent() : null;
        }

        assertThat(FreePorts.isListening(kafkaPort)).isFalse();
        assertThat(FreePorts.isListening(postgresPort)).isFalse();
        assertThat(FreePorts.isListening(redisPort)).isFalse();
        assertThat(kafkaData).doesNotExist();
        assertThat(postgresData).doesNotExist();
        if (redisWork != null) {
            assertThat(redisWork).doesNotExist();
        }
    }
}
