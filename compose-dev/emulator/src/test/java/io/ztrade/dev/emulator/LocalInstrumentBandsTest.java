package io.ztrade.dev.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.infra.SharedInfrastructure;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class LocalInstrumentBandsTest {

    @Test
    void shouldCentreTheBandOnTheReplayedPricesWithAMarginPastBoth() {
        LocalInstrumentBands.Band eth = LocalInstrumentBands.of("ETH-USD", new BigDecimal("1200"), new BigDecimal("2400"));
        assertThat(eth.referencePrice()).isEqualByComparingTo("1800");
        // half width 600 * 1.25 = 750 of 1800
        assertThat(eth.band()).isEqualByComparingTo("0.4167");
        BigDecimal low = eth.referencePrice().multiply(BigDecimal.ONE.subtract(eth.band()));
        BigDecimal high = eth.referencePrice().multiply(BigDecimal.ONE.add(eth.band()));
        assertThat(low).isLessThan(new BigDecimal("1200"));
        assertThat(high).isGreaterThan(new BigDecimal("2400"));
    }

    @Test
    void shouldCapTheBandBelowTheWholePriceAndKeepAMinimumWidth() {
        // BTC/USD 2013: 13 to 1,150
        assertThat(LocalInstrumentBands.of("BTC-USD", new BigDecimal("13"), new BigDecimal("1150")).band())
                .isEqualByComparingTo("0.99");
        assertThat(LocalInstrumentBands.of("AAPL", new BigDecimal("100"), new BigDecimal("100")).band())
                .isEqualByComparingTo("0.05");
    }

    @Test
    void shouldHandTheBandsToTheOrderbookAsSystemProperties() {
        String opts = LocalInstrumentBands.jvmOptions(List.of(
                LocalInstrumentBands.of("BTC-USD", new BigDecimal("100"), new BigDecimal("300"))));
        assertThat(opts).isEqualTo("-Dztrade.orderbook.instruments.BTC-USD.reference-price=200.00"
                + " -Dztrade.orderbook.instruments.BTC-USD.band=0.6250");
    }

    @Test
    void shouldCentreOnlyTheInstrumentsTheOrderbookTrades() throws Exception {
        Map<String, String> db = SharedInfrastructure.postgres("bands_test");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(db.get("quarkus.datasource.jdbc.url"));
        ds.setUser(db.get("quarkus.datasource.username"));
        ds.setPassword(db.get("quarkus.datasource.password"));
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("drop table if exists market_bar");
            st.execute("create table market_bar (symbol text, low numeric, high numeric)");
            st.execute("insert into market_bar values ('ETH-USD', 1600, 1800), ('ETH-USD', 1590, 1700),"
                    + " ('MSFT089F', 400, 410)");
        }

        assertThat(LocalInstrumentBands.fromDatabase(ds)).as("a test's symbol has no instrument in the orderbook")
                .extracting(LocalInstrumentBands.Band::symbol).containsExactly("ETH-USD");
    }
}
