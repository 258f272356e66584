package io.ztrade.dev.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
