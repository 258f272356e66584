package io.ztrade.domain.trading;

import io.ztrade.domain.backtest.Side;
import io.ztrade.domain.market.Instrument;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order the decider would place, as the risk rules see it.
 *
 * @param agentId       the agent
 * @param instrument    what is traded
 * @param side          buy or sell
 * @param reason        signal, stop-loss or take-profit
 * @param quantity      quantity on the lot grid, > 0
 * @param price         limit price on the tick grid (the bar's close)
 * @param markPrice     the latest close, for equity and exposure
 * @param stopLossPrice the stop-loss price of the position a BUY opens; {@code null} when none
 * @param confidence    the signal's confidence in [0, 1], NaN when the strategy has none
 * @param recentCloses  the instrument's recent closes, oldest first, for the correlation rule (not copied)
 */
public record ProposedOrder(
        String agentId,
        Instrument instrument,
        Side side,
        OrderReason reason,
        BigDecimal quantity,
        BigDecimal price,
        BigDecimal markPrice,
        BigDecimal stopLossPrice,
        double confidence,
        double[] recentCloses) {

    public ProposedOrder {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(markPrice, "markPrice");
        recentCloses = recentCloses == null ? new double[0] : recentCloses;
    }

    /** Whether the order opens or adds to a long position (the rules that limit exposure check only these). */
    public boolean isBuy() {
        return side == Side.BUY;
    }

    /** quantity * price. */
    public BigDecimal notional() {
        return quantity.multiply(price);
    }
}
