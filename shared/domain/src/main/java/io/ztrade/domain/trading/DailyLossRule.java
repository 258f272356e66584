package io.ztrade.domain.trading;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Rule {@code daily-loss-limit}: when equity at the mark has fallen by {@code dailyLossLimit} or more
 * from the day's start equity, the agent is halted; a BUY is refused, a SELL (which only closes) may
 * still go. Checked on every order.
 */
public final class DailyLossRule implements RiskRule {

    public static final String NAME = "daily-loss-limit";

    private final BigDecimal limit;

    public DailyLossRule(BigDecimal limit) {
        this.limit = limit;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(RiskContext context, ProposedOrder order) {
        AgentState agent = context.agent();
        BigDecimal start = agent.dayStartEquity();
        BigDecimal equity = agent.equity(order.markPrice());
        if (start.signum() <= 0) {
            return RuleResult.pass(NAME, "no day-start equity");
        }
        BigDecimal loss = start.subtract(equity).divide(start, MathContext.DECIMAL64);
        String numbers = "equity " + Fmt.money(equity) + " vs day start " + Fmt.money(start) + ": loss "
                + Fmt.pct(loss.max(BigDecimal.ZERO)) + ", limit " + Fmt.pct(limit);
        if (loss.compareTo(limit) >= 0) {
            return order.isBuy()
                    ? new RuleResult(NAME, false, numbers + ": limit hit, agent halted", true)
                    : new RuleResult(NAME, true, numbers + ": limit hit, agent halted; closing order allowed", true);
        }
        return RuleResult.pass(NAME, numbers);
    }
}
