package io.ztrade.domain.trading;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Number formatting for rule details. */
final class Fmt {

    private Fmt() {}

    static String money(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    /** A fraction as a percentage with up to 4 decimals, e.g. {@code 5.0123%}. */
    static String pct(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString() + "%";
    }

    static String num(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
