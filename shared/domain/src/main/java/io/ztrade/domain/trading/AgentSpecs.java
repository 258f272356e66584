package io.ztrade.domain.trading;

import io.ztrade.domain.market.Instrument;
import io.ztrade.domain.market.Instruments;
import io.ztrade.domain.market.Timeframe;
import io.ztrade.domain.strategy.InvalidParameterException;
import io.ztrade.domain.strategy.Strategies;
import io.ztrade.domain.strategy.Strategy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Builds {@link AgentSpec}s from parsed YAML trees. Fields (the module README has the table):
 * {@code id}, {@code symbol}, {@code timeframe}, {@code strategy}, {@code params}, {@code capital},
 * {@code maxPositionSize}, {@code stopLoss}, {@code takeProfit}, {@code maxDailyTrades},
 * {@code minConfidence}, {@code dryRun}, {@code kind}, {@code marketMaker} ({@code spread},
 * {@code size}, {@code inventoryLimit}) and {@code description} (free text, not stored). Anything else
 * is refused. Numbers must be YAML numbers (not strings); money and quantities are read exactly
 * (a {@code double} through its shortest decimal form).
 */
public final class AgentSpecs {

    /** Longest agent id. */
    public static final int MAX_ID_LENGTH = 40;

    /** Orders per trading day when {@code maxDailyTrades} is absent. */
    public static final int DEFAULT_MAX_DAILY_TRADES = 10;

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private static final List<String> FIELDS = List.of("id", "description", "symbol", "timeframe", "kind", "strategy",
            "params", "capital", "maxPositionSize", "stopLoss", "takeProfit", "maxDailyTrades", "minConfidence",
            "dryRun", "marketMaker");
    private static final List<String> MM_FIELDS = List.of("spread", "size", "inventoryLimit");

    private AgentSpecs() {}

    /**
     * Validates one agent definition.
     *
     * @param tree the parsed YAML document (maps, lists, strings, numbers, booleans)
     * @param file where it came from, for messages and {@link AgentSpec#sourceFile()}
     * @throws InvalidAgentException naming the file and the first offending field (unknown fields
     *     first, then in the order of the field list above)
     */
    public static AgentSpec fromTree(Map<String, Object> tree, String file) {
        return new Reader(file).read(tree);
    }

    /**
     * The canonical tree of {@code spec}: every field with its value ({@code params} with defaults
     * filled in, numbers as {@link BigDecimal}, {@link Integer}, {@link Double}), absent optional
     * fields left out. {@code fromTree(toTree(spec), spec.sourceFile())} gives an equal spec, so it can
     * be stored as JSON and read back.
     */
    public static Map<String, Object> toTree(AgentSpec spec) {
        Map<String, Object> t = new java.util.LinkedHashMap<>();
        t.put("id", spec.id());
        t.put("symbol", spec.symbol());
        t.put("timeframe", spec.timeframe().id());
        t.put("kind", spec.kind().name());
        if (spec.strategy() != null) {
            t.put("strategy", spec.strategy().id());
            t.put("params", new java.util.LinkedHashMap<>(spec.strategy().params().asMap()));
        }
        t.put("capital", spec.capital());
        t.put("maxPositionSize", spec.maxPositionSize());
        if (spec.stopLoss() != null) {
            t.put("stopLoss", spec.stopLoss());
        }
        if (spec.takeProfit() != null) {
            t.put("takeProfit", spec.takeProfit());
        }
        t.put("maxDailyTrades", spec.maxDailyTrades());
        t.put("minConfidence", spec.minConfidence());
        t.put("dryRun", spec.dryRun());
        if (spec.marketMaker() != null) {
            Map<String, Object> mm = new java.util.LinkedHashMap<>();
            mm.put("spread", spec.marketMaker().spread());
            mm.put("size", spec.marketMaker().size());
            mm.put("inventoryLimit", spec.marketMaker().inventoryLimit());
            t.put("marketMaker", mm);
        }
        return t;
    }

    private static final class Reader {
        private final String file;

        Reader(String file) {
            this.file = file == null ? "(unnamed)" : file;
        }

        AgentSpec read(Map<String, ?> tree) {
            if (tree == null || tree.isEmpty()) {
                throw fail("id", "the document is empty; an agent needs at least id, symbol, timeframe, strategy, capital and maxPositionSize");
            }
            unknown(tree, FIELDS, "");
            String id = string(tree, "id", true);
            if (id.length() > MAX_ID_LENGTH || !ID.matcher(id).matches()) {
                throw fail("id", "must be 1 to " + MAX_ID_LENGTH
                        + " characters of lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, was '" + id + "'");
            }
            optionalString(tree, "description");
            String symbol = string(tree, "symbol", true);
            Instrument instrument = Instruments.find(symbol).orElseThrow(() -> fail("symbol",
                    "unknown symbol '" + symbol + "', expected one of "
                            + String.join(", ", Instruments.all().stream().map(Instrument::symbol).toList())));
            String tf = string(tree, "timeframe", true);
            Timeframe timeframe;
            try {
                timeframe = Timeframe.fromId(tf);
            } catch (IllegalArgumentException e) {
                throw fail("timeframe", e.getMessage());
            }
            AgentKind kind = kind(tree);
            Strategy strategy = null;
            if (kind == AgentKind.TRADER) {
                String strategyId = string(tree, "strategy", true);
                Object params = tree.get("params");
                if (params != null && !(params instanceof Map)) {
                    throw fail("params", "must be a mapping of parameter names to numbers, was " + describe(params));
                }
                try {
                    @SuppressWarnings("unchecked")
                    Map<String, ?> p = (Map<String, ?>) params;
                    strategy = Strategies.create(strategyId, p);
                } catch (InvalidParameterException e) {
                    String field = "strategy".equals(e.field()) ? "strategy" : "params." + e.field();
                    String message = e.getMessage().startsWith(e.field() + ": ")
                            ? e.getMessage().substring(e.field().length() + 2)
                            : e.getMessage();
                    throw fail(field, message);
                }
            } else {
                for (String f : List.of("strategy", "params")) {
                    if (tree.containsKey(f)) {
                        throw fail(f, "a MARKET_MAKER quotes around the price and has no " + f);
                    }
                }
            }
            BigDecimal capital = decimal(tree, "capital", true);
            if (capital.signum() <= 0) {
                throw fail("capital", "must be > 0, was " + capital.toPlainString());
            }
            BigDecimal maxPositionSize = decimal(tree, "maxPositionSize", true);
            if (maxPositionSize.signum() <= 0) {
                throw fail("maxPositionSize", "must be > 0, was " + maxPositionSize.toPlainString());
            }
            onLot(instrument, "maxPositionSize", maxPositionSize);
            BigDecimal stopLoss = decimal(tree, "stopLoss", false);
            if (stopLoss != null && (stopLoss.signum() <= 0 || stopLoss.compareTo(BigDecimal.ONE) >= 0)) {
                throw fail("stopLoss", "must be a fraction of the entry price in (0, 1) (0.05 is 5%), was "
                        + stopLoss.toPlainString() + (stopLoss.compareTo(BigDecimal.ONE) >= 0 ? " (100% or more)" : ""));
            }
            BigDecimal takeProfit = decimal(tree, "takeProfit", false);
            if (takeProfit != null && takeProfit.signum() <= 0) {
                throw fail("takeProfit", "must be a fraction above the entry price > 0 (0.1 is 10%), was " + takeProfit.toPlainString());
            }
            int maxDailyTrades = integer(tree, "maxDailyTrades", DEFAULT_MAX_DAILY_TRADES);
            if (maxDailyTrades < 1) {
                throw fail("maxDailyTrades", "must be >= 1, was " + maxDailyTrades);
            }
            BigDecimal minConfidence = decimal(tree, "minConfidence", false);
            if (minConfidence != null && (minConfidence.signum() < 0 || minConfidence.compareTo(BigDecimal.ONE) > 0)) {
                throw fail("minConfidence", "must be in [0, 1], was " + minConfidence.toPlainString());
            }
            boolean dryRun = bool(tree, "dryRun");
            MarketMakerSettings mm = null;
            Object mmTree = tree.get("marketMaker");
            if (kind == AgentKind.MARKET_MAKER) {
                if (!(mmTree instanceof Map<?, ?> m)) {
                    throw fail("marketMaker", mmTree == null
                            ? "a MARKET_MAKER needs marketMaker: {spread, size, inventoryLimit}"
                            : "must be a mapping with spread, size and inventoryLimit, was " + describe(mmTree));
                }
                mm = marketMaker(cast(m), instrument);
            } else if (mmTree != null) {
                throw fail("marketMaker", "only for kind MARKET_MAKER");
            }
            return new AgentSpec(id, instrument, timeframe, strategy, capital, maxPositionSize, stopLoss, takeProfit,
                    maxDailyTrades, minConfidence == null ? 0 : minConfidence.doubleValue(), dryRun, kind, mm, file);
        }

        private MarketMakerSettings marketMaker(Map<String, ?> m, Instrument instrument) {
            unknown(m, MM_FIELDS, "marketMaker.");
            BigDecimal spread = decimal(m, "spread", true, "marketMaker.spread");
            if (spread.signum() <= 0 || spread.compareTo(BigDecimal.ONE) >= 0) {
                throw fail("marketMaker.spread", "must be a fraction of the mid in (0, 1) (0.002 is 0.2%), was " + spread.toPlainString());
            }
            BigDecimal size = decimal(m, "size", true, "marketMaker.size");
            if (size.signum() <= 0) {
                throw fail("marketMaker.size", "must be > 0, was " + size.toPlainString());
            }
            onLot(instrument, "marketMaker.size", size);
            BigDecimal limit = decimal(m, "inventoryLimit", true, "marketMaker.inventoryLimit");
            if (limit.signum() <= 0) {
                throw fail("marketMaker.inventoryLimit", "must be > 0, was " + limit.toPlainString());
            }
            onLot(instrument, "marketMaker.inventoryLimit", limit);
            return new MarketMakerSettings(spread, size, limit);
        }

        private AgentKind kind(Map<String, ?> tree) {
            String k = optionalString(tree, "kind");
            if (k == null) {
                return AgentKind.TRADER;
            }
            String norm = k.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (AgentKind kind : AgentKind.values()) {
                if (kind.name().equals(norm)) {
                    return kind;
                }
            }
            throw fail("kind", "unknown kind '" + k + "', expected TRADER or MARKET_MAKER");
        }

        private void unknown(Map<String, ?> tree, List<String> known, String prefix) {
            TreeSet<String> unknown = new TreeSet<>();
            for (Object key : tree.keySet()) {
                if (!(key instanceof String s) || !known.contains(s)) {
                    unknown.add(String.valueOf(key));
                }
            }
            if (!unknown.isEmpty()) {
                throw fail(prefix + unknown.first(), "unknown field, expected one of " + String.join(", ", known));
            }
        }

        private void onLot(Instrument instrument, String field, BigDecimal quantity) {
            if (quantity.remainder(instrument.lotSize()).signum() != 0) {
                throw fail(field, "must be a multiple of " + instrument.symbol() + "'s lot size "
                        + instrument.lotSize().toPlainString() + ", was " + quantity.toPlainString());
            }
        }

        private String string(Map<String, ?> tree, String field, boolean required) {
            Object v = tree.get(field);
            if (v == null) {
                if (required) {
                    throw fail(field, "is required");
                }
                return null;
            }
            if (!(v instanceof String s)) {
                throw fail(field, "must be a string, was " + describe(v));
            }
            if (s.isBlank()) {
                throw fail(field, "must not be blank");
            }
            return s;
        }

        private String optionalString(Map<String, ?> tree, String field) {
            return string(tree, field, false);
        }

        private BigDecimal decimal(Map<String, ?> tree, String field, boolean required) {
            return decimal(tree, field, required, field);
        }

        private BigDecimal decimal(Map<String, ?> tree, String key, boolean required, String field) {
            Object v = tree.get(key);
            if (v == null) {
                if (required) {
                    throw fail(field, "is required");
                }
                return null;
            }
            if (!(v instanceof Number n)) {
                throw fail(field, "must be a number, was " + describe(v));
            }
            if (n instanceof BigDecimal d) {
                return d;
            }
            if (n instanceof BigInteger b) {
                return new BigDecimal(b);
            }
            if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
                return BigDecimal.valueOf(n.longValue());
            }
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw fail(field, "must be a finite number, was " + n);
            }
            return BigDecimal.valueOf(d);
        }

        private int integer(Map<String, ?> tree, String field, int defaultValue) {
            BigDecimal d = decimal(tree, field, false);
            if (d == null) {
                return defaultValue;
            }
            try {
                return d.intValueExact();
            } catch (ArithmeticException e) {
                throw fail(field, "must be a whole number, was " + d.toPlainString());
            }
        }

        private boolean bool(Map<String, ?> tree, String field) {
            Object v = tree.get(field);
            if (v == null) {
                return false;
            }
            if (!(v instanceof Boolean b)) {
                throw fail(field, "must be true or false, was " + describe(v));
            }
            return b;
        }

        private InvalidAgentException fail(String field, String reason) {
            return new InvalidAgentException(file, field, reason);
        }

        @SuppressWarnings("unchecked")
        private static Map<String, ?> cast(Map<?, ?> m) {
            return (Map<String, ?>) m;
        }

        private static String describe(Object v) {
            if (v instanceof CharSequence s) {
                return "the string \"" + s + "\"";
            }
            if (v instanceof Boolean || v instanceof Number) {
                return v.toString();
            }
            if (v instanceof Map) {
                return "a mapping";
            }
            if (v instanceof List) {
                return "a list";
            }
            return "a " + v.getClass().getSimpleName();
        }
    }
}
