package io.ztrade.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startServer() {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopServer() {
        postgres.close();
    }

    @Test
    void storesAndReadsRowsOverJdbc() throws Exception {
        postgres.createDatabase("ztrade");
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("ztrade"), postgres.username(), postgres.password());
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bars (symbol text, close numeric(18, 6), PRIMARY KEY (symbol))");
            s.execute("INSERT INTO bars VALUES ('AAPL', 549.03), ('BTC-USD', 812.5)");
            try (ResultSet rs = s.executeQuery("SELECT close FROM bars WHERE symbol = 'AAPL'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("549.03");
            }
            try (ResultSet rs = s.executeQuery("SHOW server_version")) {
                rs.next();
                assertThat(rs.getString(1)).startsWith("17.");
            }
        }
    }

    @Test
    void creatingADatabaseTwiceIsHarmless() throws Exception {
        postgres.createDatabase("twice");
        postgres.createDatabase("twice");

        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("twice"), postgres.username(), postgres.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("twice");
        }
    }

    @Test
    void jdbcUrlNamesLocalhostThePortAndTheDatabase() {
        assertThat(postgres.jdbcUrl("ztrade")).isEqualTo("jdbc:postgresql://localhost:" + postgres.port() + "/ztrade");
    }

    @Test
    void rejectsDatabaseNamesThatAreNotPlainIdentifiers() {
        assertThatThrownBy(() -> postgres.createDatabase("x\"; DROP DATABASE postgres; --"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a plain identifier");
    }

    @Test
    void closingStopsTheServerAndDeletesItsTemporaryCluster() {
        EmbeddedPostgres own = EmbeddedPostgres.start();
        int port = own.port();
        Path data = own.dataDirectory();
        assertThat(FreePorts.isListening(port)).isTrue();
        assertThat(data.resolve("PG_VERSION")).exists();

        own.close();

        assertThat(FreePorts.isListening(port)).isFalse();
        assertThat(data.getParent()).doesNotExist();
    }

    @Test
    void aServerRestartedOnItsDataDirectoryKeepsTheRows(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgres first = EmbeddedPostgres.start(dir)) {
            first.createDatabase("durable");
            try (Connection c = DriverManager.getConnection(first.jdbcUrl("durable"), first.username(), first.password());
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE runs (id int PRIMARY KEY)");
                s.execute("INSERT INTO runs VALUES (42)");
            }
        }

        try (EmbeddedPostgres second = EmbeddedPostgres.start(dir);
                Connection c = DriverManager.getConnection(second.jdbcUrl("durable"), second.username(), second.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM runs")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }
}
