package io.ztrade.orderbook.service.core;

import io.ztrade.orderbook.engine.InstrumentSpec;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The instruments this service trades, by symbol (sorted, immutable). */
public final class Instruments {

    private final Map<String, InstrumentSpec> bySymbol;

    private Instruments(Map<String, InstrumentSpec> bySymbol) {
        this.bySymbol = Collections.unmodifiableMap(bySymbol);
    }

    /** The given instruments; symbols must be unique. */
    public static Instruments of(Collection<InstrumentSpec> specs) {
        Map<String, InstrumentSpec> map = new TreeMap<>();
        for (InstrumentSpec spec : specs) {
            Objects.requireNonNull(spec, "spec");
            if (map.put(spec.symbol(), spec) != null) {
                throw new IllegalArgumentException("instrument " + spec.symbol() + " is configured twice");
            }
        }
        if (map.isEmpty()) {
            throw new IllegalArgumentException("no instrument configured");
        }
        return new Instruments(map);
    }

    /** The instrument, or {@code null} when the symbol is not traded here. */
    public InstrumentSpec find(String symbol) {
        return symbol == null ? null : bySymbol.get(symbol);
    }

    /** Every instrument, by symbol. */
    public Collection<InstrumentSpec> all() {
        return bySymbol.values();
    }

    /** The symbols, sorted. */
    public Collection<String> symbols() {
        return bySymbol.keySet();
    }
}
