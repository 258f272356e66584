package io.ztrade.domain.trading;

import io.ztrade.domain.backtest.Side;
import io.ztrade.domain.market.Instrument;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Quotes both sides around a mid price. */
public final class MarketMakerQuotes {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private MarketMakerQuotes() {}

    /**
     * bid = mid * (1 - spread / 2) rounded down to the tick, ask = mid * (1 + spread / 2) rounded up
     * (at least one tick apart, bid at least one tick); bid size = min(size, inventoryLimit -
     * inventory), ask size = min(size, inventoryLimit + inventory), rounded down to the lot; a side
     * whose size is 0 is omitted.
     *
     * @throws IllegalArgumentException when mid, spread, size or inventoryLimit is not positive, or spread >= 1
     */
    public static Quotes quote(BigDecimal mid, BigDecimal spread, BigDecimal size, BigDecimal inventory,
            BigDecimal inventoryLimit, Instrument instrument) {
        if (mid.signum() <= 0) {
            throw new IllegalArgumentException("mid must be > 0, was " + mid.toPlainString());
        }
        if (spread.signum() <= 0 || spread.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("spread must be in (0, 1), was " + spread.toPlainString());
        }
        if (size.signum() <= 0 || inventoryLimit.signum() <= 0) {
            throw new IllegalArgumentException("size and inventoryLimit must be > 0");
        }
        BigDecimal tick = instrument.tickSize();
        BigDecimal half = spread.divide(TWO);
        BigDecimal bid = floorTo(mid.multiply(BigDecimal.ONE.subtract(half)), tick).max(tick);
        BigDecimal ask = ceilTo(mid.multiply(BigDecimal.ONE.add(half)), tick);
        if (ask.compareTo(bid) <= 0) {
            ask = bid.add(tick);
        }
        BigDecimal bidSize = instrument.roundDownToLot(size.min(inventoryLimit.subtract(inventory)).max(BigDecimal.ZERO));
        BigDecimal askSize = instrument.roundDownToLot(size.min(inventoryLimit.add(inventory)).max(BigDecimal.ZERO));
        return new Quotes(
                bidSize.signum() > 0 ? Optional.of(new Quote(Side.BUY, bid, bidSize)) : Optional.empty(),
                askSize.signum() > 0 ? Optional.of(new Quote(Side.SELL, ask, askSize)) : Optional.empty());
    }

    static BigDecimal floorTo(BigDecimal v, BigDecimal step) {
        return v.divide(step, 0, RoundingMode.FLOOR).multiply(step).setScale(step.scale(), RoundingMode.UNNECESSARY);
    }

    static BigDecimal ceilTo(BigDecimal v, BigDecimal step) {
        return v.divide(step, 0, RoundingMode.CEILING).multiply(step).setScale(step.scale(), RoundingMode.UNNECESSARY);
    }
}
