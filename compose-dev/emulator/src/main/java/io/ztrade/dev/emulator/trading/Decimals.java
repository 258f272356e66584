package io.ztrade.dev.emulator.trading;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the trading API writes numbers: as decimal strings, exactly as PostgreSQL stores them, never
 * in exponent form, so that a browser or a script reads the cents that were booked.
 */
public final class Decimals {

    /** Ratios (drawdown, daily loss, deployed share) are divided to this many decimals, half-even. */
    public static final int RATIO_SCALE = 6;

    private Decimals() {}

    /** Money: at least two decimals ({@code 10000} is {@code "10000.00"}), more when booked with more. */
    public static String money(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 2 ? s.setScale(2, RoundingMode.UNNECESSARY) : s).toPlainString();
    }

    /** Quantities, prices and ratios: without trailing zeros ({@code 1.500} is {@code "1.5"}). */
    public static String plain(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0, RoundingMode.UNNECESSARY) : s).toPlainString();
    }

    /** {@code part / whole} to {@link #RATIO_SCALE} decimals; zero when {@code whole} is not positive. */
    public static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return part.divide(whole, RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
