package io.ztrade.domain.strategy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * One strategy parameter: its name, type, default and allowed range. Constraints between parameters
 * (for example {@code fast < slow}) are stated in {@link #description()} and enforced by the
 * strategy's params record.
 *
 * @param name         the name users send, e.g. {@code fast}
 * @param type         int or decimal
 * @param defaultValue used when the parameter is absent ({@link Integer} or {@link Double})
 * @param min          lower bound
 * @param minInclusive whether {@code min} itself is allowed
 * @param max          upper bound
 * @param maxInclusive whether {@code max} itself is allowed
 * @param description  one line for docs and listings
 */
public record ParameterSpec(
        String name,
        ParameterType type,
        Number defaultValue,
        Number min,
        boolean minInclusive,
        Number max,
        boolean maxInclusive,
        String description) {

    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(description, "description");
    }

    /** An int parameter with an inclusive range {@code [min, max]}. */
    public static ParameterSpec ofInt(String name, int defaultValue, int min, int max, String description) {
        return new ParameterSpec(name, ParameterType.INT, defaultValue, min, true, max, true, description);
    }

    /** A decimal parameter; each bound is inclusive or exclusive as given. */
    public static ParameterSpec ofDecimal(
            String name,
            double defaultValue,
            double min,
            boolean minInclusive,
            double max,
            boolean maxInclusive,
            String description) {
        return new ParameterSpec(name, ParameterType.DECIMAL, defaultValue, min, minInclusive, max, maxInclusive, description);
    }

    /** The allowed range in interval notation, e.g. {@code [1, 9999]} or {@code (0, 100)}. */
    public String range() {
        return (minInclusive ? "[" : "(") + format(min) + ", " + format(max) + (maxInclusive ? "]" : ")");
    }

    /** Whether {@code value} lies in the range. */
    public boolean inRange(double value) {
        double lo = min.doubleValue();
        double hi = max.doubleValue();
        return (minInclusive ? value >= lo : value > lo) && (maxInclusive ? value <= hi : value < hi);
    }

    /** @throws InvalidParameterException naming this parameter when {@code value} is out of range */
    public void checkRange(double value) {
        if (!inRange(value)) {
            throw new InvalidParameterException(name, "must be in " + range() + ", was " + format(value));
        }
    }

    /**
     * Converts a decoded JSON value to this parameter's type and checks its range.
     *
     * @return an {@link Integer} for int parameters, a {@link Double} for decimal ones
     * @throws InvalidParameterException naming this parameter when the value has the wrong type or is
     *     out of range
     */
    public Number parse(Object raw) {
        if (raw == null) {
            throw new InvalidParameterException(name, "must be a" + (type == ParameterType.INT ? "n integer" : " number") + ", was null");
        }
        if (!(raw instanceof Number n)) {
            throw new InvalidParameterException(name, "must be a"
                    + (type == ParameterType.INT ? "n integer" : " number") + ", was " + describe(raw));
        }
        if (type == ParameterType.INT) {
            int v = toInt(n);
            checkRange(v);
            return v;
        }
        double v = n.doubleValue();
        if (!Double.isFinite(v)) {
            throw new InvalidParameterException(name, "must be a finite number, was " + n);
        }
        checkRange(v);
        return v;
    }

    private int toInt(Number n) {
        if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n.intValue();
        }
        if (n instanceof Long l) {
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                throw outOfIntRange(n);
            }
            return l.intValue();
        }
        if (n instanceof BigInteger b) {
            if (b.bitLength() > 31) {
                throw outOfIntRange(n);
            }
            return b.intValue();
        }
        if (n instanceof BigDecimal d) {
            if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
                throw notWhole(n);
            }
            if (d.compareTo(INT_MIN) < 0 || d.compareTo(INT_MAX) > 0) {
                throw outOfIntRange(n);
            }
            return d.intValueExact();
        }
        double v = n.doubleValue();
        if (!Double.isFinite(v) || v != Math.rint(v)) {
            throw notWhole(n);
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw outOfIntRange(n);
        }
        return (int) v;
    }

    private InvalidParameterException notWhole(Number n) {
        return new InvalidParameterException(name, "must be an integer, was " + n);
    }

    private InvalidParameterException outOfIntRange(Number n) {
        return new InvalidParameterException(name, "must be in " + range() + ", was " + n);
    }

    private static String describe(Object raw) {
        if (raw instanceof CharSequence s) {
            return "the string \"" + s + "\"";
        }
        if (raw instanceof Boolean b) {
            return "the boolean " + b;
        }
        return "a " + raw.getClass().getSimpleName();
    }

    private static String format(Number n) {
        if (n instanceof Integer) {
            return n.toString();
        }
        return BigDecimal.valueOf(n.doubleValue()).stripTrailingZeros().toPlainString();
    }

    private static String format(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
