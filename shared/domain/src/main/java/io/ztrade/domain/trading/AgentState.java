package io.ztrade.domain.trading;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What is known about one agent's account when it decides (PostgreSQL's {@code agent},
 * {@code agent_account} and {@code agent_position} rows).
 *
 * @param agentId          the agent
 * @param status           its status
 * @param cash             cash now
 * @param positionQuantity quantity held (0 when flat; negative for a market maker's short inventory)
 * @param averagePrice     cost per unit of the position, buy commissions included (see {@link Ledger}); 0 when flat
 * @param tradesToday      orders placed in the current trading day
 * @param dayStartEquity   equity at the start of the trading day
 * @param peakEquity       highest equity seen
 */
public record AgentState(
        String agentId,
        AgentStatus status,
        BigDecimal cash,
        BigDecimal positionQuantity,
        BigDecimal averagePrice,
        int tradesToday,
        BigDecimal dayStartEquity,
        BigDecimal peakEquity) {

    public AgentState {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(positionQuantity, "positionQuantity");
        Objects.requireNonNull(averagePrice, "averagePrice");
        Objects.requireNonNull(dayStartEquity, "dayStartEquity");
        Objects.requireNonNull(peakEquity, "peakEquity");
    }

    /** A flat agent with {@code capital} in cash, no trades today, equity = peak = capital. */
    public static AgentState initial(String agentId, AgentStatus status, BigDecimal capital) {
        return new AgentState(agentId, status, capital, BigDecimal.ZERO, BigDecimal.ZERO, 0, capital, capital);
    }

    public boolean isFlat() {
        return positionQuantity.signum() == 0;
    }

    /** cash + quantity * mark. */
    public BigDecimal equity(BigDecimal mark) {
        return cash.add(positionQuantity.multiply(mark));
    }
}
