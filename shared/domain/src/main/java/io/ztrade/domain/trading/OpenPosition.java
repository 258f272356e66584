package io.ztrade.domain.trading;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An open position of some agent, for the portfolio-wide rules.
 *
 * @param agentId      the agent holding it
 * @param symbol       its instrument
 * @param quantity     quantity held (non-zero)
 * @param averagePrice cost per unit
 * @param recentCloses the instrument's most recent closes, oldest first (for the correlation rule;
 *                     may be empty, then the position counts as uncorrelated). Not copied: do not
 *                     change the array afterwards.
 */
public record OpenPosition(String agentId, String symbol, BigDecimal quantity, BigDecimal averagePrice, double[] recentCloses) {

    public OpenPosition {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(averagePrice, "averagePrice");
        recentCloses = recentCloses == null ? new double[0] : recentCloses;
    }

    /** |quantity| * averagePrice: the capital the position ties up. */
    public BigDecimal deployed() {
        return quantity.abs().multiply(averagePrice);
    }
}
