package io.ztrade.sentiment.core;

import io.ztrade.events.payload.SentimentScored;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates scored items per symbol, weighting the sources as configured (Ztrade's news 40%,
 * Reddit 25%, SEC 25%, a fourth slot of 10% for a later source):
 *
 * <ul>
 *   <li>score: the weighted mean of each answering source's mean item score, over the sources that
 *       gave items (0 when none did);
 *   <li>confidence: (weight of the sources that answered / weight of the enabled sources) x
 *       min(1, items / {@code fullConfidenceItems}); a missing source lowers it by its weight's share;
 *   <li>agreement: the share of non-neutral items whose sign is the score's (1 without such items).
 * </ul>
 */
public final class Aggregation {

    /** One source's outcome in a run: its scored items, or missing. */
    public record SourceResult(String source, double weight, List<Double> itemScores, boolean missing) {}

    private Aggregation() {}

    public static SentimentScored aggregate(String symbol, List<SourceResult> results, int fullConfidenceItems, Instant asOf) {
        double enabledWeight = 0;
        double answeredWeight = 0;
        double weighted = 0;
        double weightWithItems = 0;
        int items = 0;
        List<SentimentScored.SourceScore> breakdown = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (SourceResult r : results) {
            enabledWeight += r.weight();
            if (r.missing()) {
                missing.add(r.source());
                continue;
            }
            answeredWeight += r.weight();
            double mean = r.itemScores().stream().mapToDouble(Double::doubleValue).average().orElse(0);
            breakdown.add(new SentimentScored.SourceScore(r.source(), clamp(mean), r.itemScores().size(), r.weight()));
            if (!r.itemScores().isEmpty()) {
                weighted += r.weight() * mean;
                weightWithItems += r.weight();
                items += r.itemScores().size();
            }
        }
        double score = weightWithItems == 0 ? 0 : clamp(weighted / weightWithItems);
        double coverage = enabledWeight == 0 ? 0 : answeredWeight / enabledWeight;
        double volume = Math.min(1.0, items / (double) Math.max(1, fullConfidenceItems));
        int polar = 0;
        int agreeing = 0;
        for (SourceResult r : results) {
            if (r.missing()) {
                continue;
            }
            for (double s : r.itemScores()) {
                if (Math.abs(s) >= 0.05) {
                    polar++;
                    if (Math.signum(s) == Math.signum(score)) {
                        agreeing++;
                    }
                }
            }
        }
        double agreement = polar == 0 ? 1 : agreeing / (double) polar;
        return new SentimentScored(symbol, score, clamp01(coverage * volume), agreement, List.copyOf(breakdown), items,
                List.copyOf(missing), asOf);
    }

    /** Weights by source name, the enabled ones only, in a stable order. */
    public static Map<String, Double> enabled(Map<String, Double> weights, List<String> enabled) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String s : enabled) {
            Double w = weights.get(s);
            if (w == null || w < 0) {
                throw new IllegalArgumentException("ztrade.sentiment.weights: no weight for enabled source '" + s + "'");
            }
            out.put(s, w);
        }
        return out;
    }

    private static double clamp(double v) {
        return Math.max(-1, Math.min(1, v));
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
