package io.ztrade.events.payload;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Data of {@code io.ztrade.signal.generated}: one agent's decision at one bar, with its reasoning.
 *
 * @param agentId      the trading agent
 * @param symbol       instrument
 * @param strategy     strategy id
 * @param action       {@code BUY}, {@code SELL} or {@code HOLD}
 * @param score        the strategy's score (null when it has none)
 * @param confidence   confidence in [0, 1] (null when it has none)
 * @param sizeFraction share of the allowed position size ordered (0 when nothing is ordered)
 * @param barTime      open time of the bar the signal was computed on
 * @param orderId      the client order id of the order sent for it, if any
 * @param reason       {@code SIGNAL}, {@code STOP_LOSS}, {@code TAKE_PROFIT} (or {@code QUOTE} for a market maker)
 * @param indicators   indicator values at the bar (name -> value; null where not yet defined)
 * @param sentiment    the sentiment score used (null when none was known)
 * @param rules        every risk rule's result, in the order they ran
 * @param refusedBy    the rule that refused the order (null when none did)
 * @param dryRun       the agent only decides and logs, it never orders
 * @param quantity     the ordered quantity (decimal string; null when nothing is ordered)
 * @param price        the limit price of the order (decimal string; null when nothing is ordered)
 */
public record SignalGenerated(
        String agentId, String symbol, String strategy, String action, Double score, Double confidence,
        double sizeFraction, Instant barTime, String orderId, String reason, Map<String, Double> indicators,
        Double sentiment, List<RuleCheck> rules, String refusedBy, boolean dryRun, String quantity, String price) {

    public SignalGenerated {
        indicators = indicators == null ? Map.of() : indicators;
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /**
     * One risk rule's verdict.
     *
     * @param rule       the rule's name, e.g. {@code daily-trade-limit}
     * @param passed     whether the order passed it
     * @param detail     the numbers it compared, as a sentence
     * @param haltsAgent whether a failure halts the agent (daily loss, drawdown)
     */
    public record RuleCheck(String rule, boolean passed, String detail, boolean haltsAgent) {}
}
