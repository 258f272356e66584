package io.ztrade.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztrade.infra.PostgresResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class TradingSchemaTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldRefuseToUpdateDeleteOrTruncateTheTradingAudit() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("insert into trading_audit (agent_id, action, taken, rule, detail)"
                    + " values ('schema-test', 'BUY', false, 'daily-loss-limit', '{}'::jsonb)");
            assertThatThrownBy(() -> st.executeUpdate("update trading_audit set taken = true where agent_id = 'schema-test'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("delete from trading_audit where agent_id = 'schema-test'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("truncate trading_audit"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            try (ResultSet rs = st.executeQuery("select count(*), bool_or(taken) from trading_audit where agent_id = 'schema-test'")) {
                rs.next();
                assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(1);
                assertThat(rs.getBoolean(2)).isFalse();
            }
        }
    }

    @Test
    void shouldKeepExactlyOneKillSwitchRowDisengagedAtStart() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("insert into kill_switch (id, engaged) values (2, true)"))
                    .isInstanceOf(SQLException.class);
            try (ResultSet rs = st.executeQuery("select count(*) from kill_switch")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }
}
