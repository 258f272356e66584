package io.ztrade.domain.market;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The instruments Ztrade knows, by symbol ({@code AAPL}, {@code BTC-USD}, {@code ETH-USD}). */
public final class Instruments {

    public static final Instrument AAPL =
            new Instrument("AAPL", new BigDecimal("0.01"), BigDecimal.ONE, AssetClass.EQUITY);
    public static final Instrument BTC_USD =
            new Instrument("BTC-USD", new BigDecimal("0.01"), new BigDecimal("0.0001"), AssetClass.CRYPTO);
    public static final Instrument ETH_USD =
            new Instrument("ETH-USD", new BigDecimal("0.01"), new BigDecimal("0.0001"), AssetClass.CRYPTO);

    private static final Map<String, Instrument> BY_SYMBOL = new LinkedHashMap<>();

    static {
        for (Instrument i : new Instrument[] {AAPL, BTC_USD, ETH_USD}) {
            BY_SYMBOL.put(i.symbol(), i);
        }
    }

    private Instruments() {}

    public static Optional<Instrument> find(String symbol) {
        return Optional.ofNullable(BY_SYMBOL.get(symbol));
    }

    public static Collection<Instrument> all() {
        return BY_SYMBOL.values();
    }
}
