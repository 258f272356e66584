package io.ztrade.domain.trading;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What the risk rules see besides the proposed order.
 *
 * @param agent           the deciding agent's account
 * @param openPositions   every agent's open positions (the deciding agent's own included)
 * @param totalCapital    the sum of every agent's capital (the base of the share limits)
 * @param deployedCapital capital in open positions across all agents (sum of |qty| * average price)
 */
public record RiskContext(AgentState agent, List<OpenPosition> openPositions, BigDecimal totalCapital, BigDecimal deployedCapital) {

    public RiskContext {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(totalCapital, "totalCapital");
        Objects.requireNonNull(deployedCapital, "deployedCapital");
        openPositions = List.copyOf(openPositions);
    }

    /** A context whose deployed capital is the sum over {@code openPositions}. */
    public static RiskContext of(AgentState agent, List<OpenPosition> openPositions, BigDecimal totalCapital) {
        BigDecimal deployed = BigDecimal.ZERO;
        for (OpenPosition p : openPositions) {
            deployed = deployed.add(p.deployed());
        }
        return new RiskContext(agent, openPositions, totalCapital, deployed);
    }

    /** A lone agent: no other positions, its own capital is the total. */
    public static RiskContext alone(AgentState agent, BigDecimal capital) {
        return of(agent, List.of(), capital);
    }
}
