package io.ztrade.domain.trading;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Rule {@code max-drawdown}: when equity at the mark is {@code maxDrawdown} or more below the peak
 * equity (the larger of the stored peak and the equity now), the agent is halted; a BUY is refused, a
 * SELL (which only closes) may still go. Checked on every order.
 */
public final class DrawdownRule implements RiskRule {

    public static final String NAME = "max-drawdown";

    private final BigDecimal limit;

    public DrawdownRule(BigDecimal limit) {
        this.limit = limit;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(RiskContext context, ProposedOrder order) {
        AgentState agent = context.agent();
        BigDecimal equity = agent.equity(order.markPrice());
        BigDecimal peak = agent.peakEquity().max(equity);
        if (peak.signum() <= 0) {
            return RuleResult.pass(NAME, "no peak equity");
        }
        BigDecimal drawdown = peak.subtract(equity).divide(peak, MathContext.DECIMAL64);
        String numbers = "equity " + Fmt.money(equity) + " vs peak " + Fmt.money(peak) + ": drawdown "
                + Fmt.pct(drawdown) + ", limit " + Fmt.pct(limit);
        if (drawdown.compareTo(limit) >= 0) {
            return order.isBuy()
                    ? new RuleResult(NAME, false, numbers + ": limit hit, agent halted", true)
                    : new RuleResult(NAME, true, numbers + ": limit hit, agent halted; closing order allowed", true);
        }
        return RuleResult.pass(NAME, numbers);
    }
}
