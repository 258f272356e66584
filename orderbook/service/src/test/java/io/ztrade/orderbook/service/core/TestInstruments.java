package io.ztrade.orderbook.service.core;

import io.ztrade.orderbook.engine.InstrumentSpec;
import java.math.BigDecimal;
import java.util.List;

/** The instruments of application.properties, built by hand for plain tests. */
public final class TestInstruments {

    private TestInstruments() {}

    public static final InstrumentSpec AAPL = InstrumentSpec.withBandFraction("AAPL", new BigDecimal("0.01"),
            BigDecimal.ONE, 1, 1_000_000, 15_000, new BigDecimal("0.5"));
    public static final InstrumentSpec BTC = InstrumentSpec.withBandFraction("BTC-USD", new BigDecimal("0.01"),
            new BigDecimal("0.0001"), 1, 10_000_000, 6_000_000, new BigDecimal("0.5"));
    public static final InstrumentSpec ETH = InstrumentSpec.withBandFraction("ETH-USD", new BigDecimal("0.01"),
            new BigDecimal("0.0001"), 1, 100_000_000, 300_000, new BigDecimal("0.5"));

    /** A fourth symbol: with three partitions, AAPL and BTC-USD hash to 0, AMD to 1, ETH-USD to 2. */
    public static final InstrumentSpec AMD = InstrumentSpec.withBandFraction("AMD", new BigDecimal("0.01"),
            BigDecimal.ONE, 1, 1_000_000, 15_000, new BigDecimal("0.5"));

    public static Instruments all() {
        return Instruments.of(List.of(AAPL, BTC, ETH, AMD));
    }
}
