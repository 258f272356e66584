package io.ztrade.domain.trading;

import io.ztrade.domain.strategy.Action;
import io.ztrade.domain.strategy.Signal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One agent's decision at one bar's close, taken or refused, with its reasoning.
 *
 * @param agentId       the agent
 * @param barTime       the open time of the bar decided on
 * @param action        BUY, SELL or HOLD: what the agent wants to do (also when a rule refuses it)
 * @param reason        SIGNAL, STOP_LOSS or TAKE_PROFIT; {@code null} for a HOLD
 * @param quantity      order quantity on the lot grid (0 for a HOLD)
 * @param limitPrice    limit price on the tick grid ({@code null} for a HOLD)
 * @param signal        the strategy's signal at this bar
 * @param indicators    indicator values at this bar (close, SMAs, RSI, ROC, score, confidence ...), ordered
 * @param sentiment     the sentiment score the caller passed (NaN when unknown)
 * @param rules         every rule's result, in check order (empty for a HOLD)
 * @param refusedBy     the first rule that refused the order, {@code null} if none did
 * @param haltAgent     whether a rule asks to halt the agent
 * @param dryRun        the agent only decides and logs
 * @param clientOrderId the order's deterministic id ({@code null} for a HOLD)
 * @param detail        one line for people
 */
public record Decision(
        String agentId,
        Instant barTime,
        Action action,
        OrderReason reason,
        BigDecimal quantity,
        BigDecimal limitPrice,
        Signal signal,
        Map<String, Double> indicators,
        double sentiment,
        List<RuleResult> rules,
        String refusedBy,
        boolean haltAgent,
        boolean dryRun,
        String clientOrderId,
        String detail) {

    public Decision {
        indicators = indicators == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(indicators));
        rules = List.copyOf(rules);
    }

    /** An order was wanted and no rule refused it. */
    public boolean taken() {
        return action != Action.HOLD && refusedBy == null;
    }

    /** Taken and not a dry run: send the order. */
    public boolean placesOrder() {
        return taken() && !dryRun;
    }
}
