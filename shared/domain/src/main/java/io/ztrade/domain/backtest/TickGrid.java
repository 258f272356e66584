package io.ztrade.domain.backtest;

import io.ztrade.domain.market.Instrument;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * An instrument's price and quantity grids in {@code double}, for the engine's fills. A value within
 * 1e-12 (relative) of a grid point counts as on it, which absorbs binary floating-point error (100.05
 * has no exact binary form); for the usual decimal steps (0.01, 0.0001, 1) results are built as
 * {@code steps / stepsPerUnit}, so they are the doubles nearest to the decimals they stand for.
 */
final class TickGrid {

    private static final double SNAP = 1e-12;

    private final Axis tick;
    private final Axis lot;

    TickGrid(Instrument instrument) {
        this.tick = new Axis(instrument.tickSize());
        this.lot = new Axis(instrument.lotSize());
    }

    /** {@code price} rounded up to the tick grid. */
    double roundUpToTick(double price) {
        return tick.value(ceil(tick.steps(price)));
    }

    /** {@code price} rounded down to the tick grid. */
    double roundDownToTick(double price) {
        return tick.value(floor(tick.steps(price)));
    }

    /** Whole lots in {@code quantity}, rounded down. */
    double lotsIn(double quantity) {
        return floor(lot.steps(quantity));
    }

    /** The quantity of {@code lots} lots. */
    double quantityOf(double lots) {
        return lot.value(lots);
    }

    private static double ceil(double x) {
        double k = Math.rint(x);
        return Math.abs(x - k) <= SNAP * Math.max(1, Math.abs(x)) ? k : Math.ceil(x);
    }

    private static double floor(double x) {
        double k = Math.rint(x);
        return Math.abs(x - k) <= SNAP * Math.max(1, Math.abs(x)) ? k : Math.floor(x);
    }

    /** One grid: a step size, and 1 / step when that is a whole number. */
    private static final class Axis {
        private final double step;
        private final double perUnit;

        Axis(BigDecimal step) {
            this.step = step.doubleValue();
            BigDecimal inverse = BigDecimal.ONE.divide(step, MathContext.DECIMAL64);
            boolean whole = inverse.signum() > 0
                    && inverse.stripTrailingZeros().scale() <= 0
                    && inverse.multiply(step).compareTo(BigDecimal.ONE) == 0;
            this.perUnit = whole ? inverse.doubleValue() : Double.NaN;
        }

        double steps(double amount) {
            return Double.isNaN(perUnit) ? amount / step : amount * perUnit;
        }

        double value(double steps) {
            return Double.isNaN(perUnit) ? steps * step : steps / perUnit;
        }
    }
}
