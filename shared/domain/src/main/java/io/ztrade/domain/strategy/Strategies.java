package io.ztrade.domain.strategy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The catalog of strategies users can name: builds a {@link Strategy} from an id and decoded JSON
 * parameters, and describes every strategy's parameters for docs and sweep planners.
 *
 * <p>Parameter rules: absent parameters take their defaults; unknown names, wrong JSON types (an int
 * parameter takes only whole numbers within {@code int} range, a decimal one any finite number; never
 * strings or booleans) and out-of-range values are rejected with an {@link InvalidParameterException}
 * naming the parameter.
 */
public final class Strategies {

    private record Entry(StrategyDescriptor descriptor, Function<ParameterValues, Strategy> factory) {}

    private static final Map<String, Entry> BY_ID = new LinkedHashMap<>();

    static {
        register(SmaCrossover.DESCRIPTOR, SmaCrossover::from);
        register(RsiMeanReversion.DESCRIPTOR, RsiMeanReversion::from);
        register(Momentum.DESCRIPTOR, Momentum::from);
        register(ZtradeCombined.DESCRIPTOR, ZtradeCombined::from);
    }

    private static void register(StrategyDescriptor d, Function<ParameterValues, Strategy> factory) {
        BY_ID.put(d.id(), new Entry(d, factory));
    }

    private Strategies() {}

    /**
     * Builds strategy {@code id} with {@code params}.
     *
     * @param params decoded JSON parameters; {@code null} or empty for all defaults
     * @throws InvalidParameterException with field {@code strategy} for an unknown id, or naming the
     *     offending parameter
     */
    public static Strategy create(String id, Map<String, ?> params) {
        Entry e = entry(id);
        return e.factory().apply(new ParameterValues(e.descriptor(), params));
    }

    /** Strategy {@code id} with all defaults. */
    public static Strategy create(String id) {
        return create(id, null);
    }

    /** The known ids, in documented order. */
    public static List<String> ids() {
        return List.copyOf(BY_ID.keySet());
    }

    /** Every strategy's descriptor, in documented order. */
    public static List<StrategyDescriptor> descriptors() {
        return BY_ID.values().stream().map(Entry::descriptor).toList();
    }

    /**
     * The descriptor of {@code id}.
     *
     * @throws InvalidParameterException with field {@code strategy} for an unknown id
     */
    public static StrategyDescriptor describe(String id) {
        return entry(id).descriptor();
    }

    private static Entry entry(String id) {
        Entry e = id == null ? null : BY_ID.get(id);
        if (e == null) {
            throw new InvalidParameterException(
                    "strategy", "unknown strategy '" + id + "', expected one of " + String.join(", ", BY_ID.keySet()));
        }
        return e;
    }
}
