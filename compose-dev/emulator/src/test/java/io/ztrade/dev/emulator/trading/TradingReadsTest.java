package io.ztrade.dev.emulator.trading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztrade.domain.trading.RiskLimits;
import io.ztrade.infra.PostgresResource;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** {@link TradingReads} before the trading schema exists (real PostgreSQL, a database without V3), and {@link Decimals}. */
class TradingReadsTest {

    @Test
    void answersEmptyListsWhileTheSchemaDoesNotExist() throws Exception {
        PostgresResource postgres = new PostgresResource();
        postgres.init(Map.of(PostgresResource.DATABASE, "trading_not_migrated"));
        Map<String, String> config = postgres.start();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(config.get("quarkus.datasource.jdbc.url"));
        ds.setUser(config.get("quarkus.datasource.username"));
        ds.setPassword(config.get("quarkus.datasource.password"));
        TradingReads reads = new TradingReads(ds, new ObjectMapper(), RiskLimits.defaults());

        assertThat(reads.agents()).isEmpty();
        assertThat(reads.positions()).isEmpty();
        assertThat(reads.orders(null, 10)).isEmpty();
        assertThat(reads.exists("aapl-sma")).isFalse();
        assertThat(reads.agent("aapl-sma", 10, 10)).isEmpty();
        assertThat(reads.pnl(null).agents()).isEmpty();
        assertThat(reads.pnl(null).total().totalPnl()).isEqualTo("0.00");
        TradingViews.Risk risk = reads.risk();
        assertThat(risk.killSwitch().engaged()).isFalse();
        assertThat(risk.agents()).isEmpty();
        assertThat(risk.portfolio().maxOpenPositions()).isEqualTo(3);
        assertThat(risk.portfolio().maxDeployedShare()).isEqualTo("0.8");
    }

    @Test
    void writesMoneyWithAtLeastTwoDecimalsAndNeverInExponentForm() {
        assertThat(Decimals.money(new BigDecimal("1E+3"))).isEqualTo("1000.00");
        assertThat(Decimals.money(new BigDecimal("10030.62000000"))).isEqualTo("10030.62");
        assertThat(Decimals.money(new BigDecimal("0.00012345"))).isEqualTo("0.00012345");
        assertThat(Decimals.money(new BigDecimal("-1.5"))).isEqualTo("-1.50");
        assertThat(Decimals.money(null)).isNull();
        assertThat(Decimals.plain(new BigDecimal("6.00000000"))).isEqualTo("6");
        assertThat(Decimals.plain(new BigDecimal("1.2E+2"))).isEqualTo("120");
        assertThat(Decimals.plain(new BigDecimal("0.00192836"))).isEqualTo("0.00192836");
    }

    @Test
    void dividesRatiosHalfEvenToSixDecimalsAndZeroOnNoBase() {
        assertThat(Decimals.ratio(new BigDecimal("19.38"), new BigDecimal("10050.00"))).isEqualByComparingTo("0.001928");
        assertThat(Decimals.ratio(new BigDecimal("1"), new BigDecimal("8"))).isEqualByComparingTo("0.125");
        assertThat(Decimals.ratio(new BigDecimal("0.0000025"), BigDecimal.ONE)).isEqualByComparingTo("0.000002");
        assertThat(Decimals.ratio(new BigDecimal("0.0000035"), BigDecimal.ONE)).isEqualByComparingTo("0.000004");
        assertThat(Decimals.ratio(BigDecimal.ONE, BigDecimal.ZERO)).isEqualByComparingTo("0");
        assertThat(Decimals.ratio(BigDecimal.ONE, null)).isEqualByComparingTo("0");
    }
}
