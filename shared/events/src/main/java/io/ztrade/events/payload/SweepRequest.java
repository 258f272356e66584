package io.ztrade.events.payload;

import io.ztrade.events.InvalidEventException;
import io.ztrade.events.Validated;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Data of {@code io.ztrade.backtest.sweep.requested}: one backtest per combination of the
 * {@code grid} values, the other fields as in {@link BacktestRequest}.
 *
 * @param grid   parameter name -> values to try, e.g. {@code {"fast":[5,10],"slow":[20,50]}}
 * @param params parameters held fixed across the sweep
 * @param metric the metric that ranks the runs (default {@code sharpe}); {@code maxDrawdown} ranks
 *               lowest first, every other highest first
 * @param top    how many best runs {@code sweep.completed} carries (default 5)
 */
public record SweepRequest(
        String strategy,
        Map<String, List<Object>> grid,
        Map<String, Object> params,
        String symbol,
        String timeframe,
        Instant from,
        Instant to,
        BigDecimal initialCapital,
        BigDecimal commissionPerTrade,
        BigDecimal commissionBps,
        BigDecimal slippageBps,
        BigDecimal riskFreeRate,
        String metric,
        Integer top)
        implements Validated {

    /** The most runs one sweep may fan out. */
    public static final int MAX_COMBINATIONS = 1000;
    public static final String DEFAULT_METRIC = "sharpe";
    public static final int DEFAULT_TOP = 5;
    /** Metrics a sweep can rank by. */
    public static final Set<String> METRICS =
            Set.of("totalReturn", "cagr", "sharpe", "sortino", "maxDrawdown", "winRate", "profitFactor", "finalEquity");

    public SweepRequest {
        params = params == null ? Map.of() : params;
    }

    /**
     * The id of the sweep that a {@code sweep.requested} event with this source + id plans: a
     * name-based UUID, so a redelivered request plans the same sweep. {@code sweep.completed} names
     * it as {@code sweepId} (and as its CloudEvent subject).
     */
    public static UUID sweepId(String eventSource, String eventId) {
        return UUID.nameUUIDFromBytes(("sweep\n" + eventSource + "\n" + eventId).getBytes(StandardCharsets.UTF_8));
    }

    public String metricOrDefault() {
        return metric == null ? DEFAULT_METRIC : metric;
    }

    public int topOrDefault() {
        return top == null ? DEFAULT_TOP : top;
    }

    @Override
    public void validate() {
        Check.text("strategy", strategy);
        Check.present("grid", grid);
        if (grid.isEmpty()) {
            throw new InvalidEventException("grid", "must name at least one parameter");
        }
        long combinations = 1;
        for (Map.Entry<String, List<Object>> e : grid.entrySet()) {
            String field = "grid." + e.getKey();
            List<Object> values = e.getValue();
            if (values == null || values.isEmpty()) {
                throw new InvalidEventException(field, "must list at least one value");
            }
            for (int i = 0; i < values.size(); i++) {
                if (!(values.get(i) instanceof Number)) {
                    throw new InvalidEventException(field + "[" + i + "]", "must be a number, was " + values.get(i));
                }
            }
            if (params.containsKey(e.getKey())) {
                throw new InvalidEventException(field, "is also fixed in params");
            }
            combinations *= values.size();
            if (combinations > MAX_COMBINATIONS) {
                throw new InvalidEventException("grid", "has more than " + MAX_COMBINATIONS + " combinations");
            }
        }
        if (metric != null && !METRICS.contains(metric)) {
            throw new InvalidEventException(
                    "metric", "unknown metric '" + metric + "', expected one of " + new java.util.TreeSet<>(METRICS));
        }
        if (top != null && (top < 1 || top > 100)) {
            throw new InvalidEventException("top", "must be in [1, 100], was " + top);
        }
        // Everything but the strategy parameters is checked as a backtest request would be.
        template().validateExceptParams();
    }

    /** Every combination of the grid (keys in name order, last key varying fastest), merged with {@code params}. */
    public List<Map<String, Object>> combinations() {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>(new TreeMap<>(params)));
        for (Map.Entry<String, List<Object>> e : new TreeMap<>(grid).entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>(out.size() * e.getValue().size());
            for (Map<String, Object> partial : out) {
                for (Object v : e.getValue()) {
                    Map<String, Object> m = new LinkedHashMap<>(partial);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /** The request every run of this sweep shares, before its parameters are filled in. */
    public BacktestRequest template() {
        return new BacktestRequest(strategy, params, symbol, timeframe, from, to, initialCapital, commissionPerTrade,
                commissionBps, slippageBps, riskFreeRate, null, null);
    }
}
