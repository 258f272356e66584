package io.ztrade.cli;

import java.util.Map;

/** The command-line option that sets a field of an event payload, for error messages. */
final class Options {

    private static final Map<String, String> BY_FIELD = Map.ofEntries(
            Map.entry("strategy", "--strategy"),
            Map.entry("symbol", "--symbol"),
            Map.entry("timeframe", "--timeframe"),
            Map.entry("from", "--from"),
            Map.entry("to", "--to"),
            Map.entry("initialCapital", "--capital"),
            Map.entry("commissionPerTrade", "--commission"),
            Map.entry("commissionBps", "--commission-bps"),
            Map.entry("slippageBps", "--slippage-bps"),
            Map.entry("riskFreeRate", "--risk-free-rate"),
            Map.entry("metric", "--metric"),
            Map.entry("top", "--top"),
            Map.entry("grid", "--grid"));

    private Options() {}

    /** {@code params.fast} -> {@code --param fast}, {@code grid.slow} -> {@code --grid slow}, {@code initialCapital} -> {@code --capital}. */
    static String name(String field) {
        if (field.startsWith("params.")) {
            return "--param " + field.substring("params.".length());
        }
        if (field.startsWith("grid.")) {
            return "--grid " + field.substring("grid.".length());
        }
        return BY_FIELD.getOrDefault(field, field);
    }
}
