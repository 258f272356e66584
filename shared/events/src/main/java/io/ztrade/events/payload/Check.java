package io.ztrade.events.payload;

import io.ztrade.domain.market.Timeframe;
import io.ztrade.events.InvalidEventException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;

/** Field checks shared by the payload records; each names the field it rejects. */
final class Check {

    private Check() {}

    static String text(String field, String value) {
        if (value == null) {
            throw new InvalidEventException(field, "is required");
        }
        if (value.isBlank()) {
            throw new InvalidEventException(field, "must not be blank");
        }
        return value;
    }

    static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidEventException(field, "is required");
        }
        return value;
    }

    static Timeframe timeframe(String field, String value) {
        text(field, value);
        try {
            return Timeframe.fromId(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(field, e.getMessage());
        }
    }

    static void positive(String field, BigDecimal value) {
        present(field, value);
        if (value.signum() <= 0) {
            throw new InvalidEventException(field, "must be positive, was " + value.toPlainString());
        }
    }

    static void nonNegative(String field, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            throw new InvalidEventException(field, "must not be negative, was " + value.toPlainString());
        }
    }

    static void below(String field, BigDecimal value, String limit) {
        if (value != null && value.compareTo(new BigDecimal(limit)) >= 0) {
            throw new InvalidEventException(field, "must be below " + limit + ", was " + value.toPlainString());
        }
    }

    static void range(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new InvalidEventException(field, "must be in [" + min + ", " + max + "], was " + value);
        }
    }

    static void ordered(String fromField, Instant from, String toField, Instant to) {
        present(fromField, from);
        present(toField, to);
        if (!from.isBefore(to)) {
            throw new InvalidEventException(fromField, "must be before " + toField + " (" + from + " is not before " + to + ")");
        }
    }

    static void notEmpty(String field, Collection<?> values) {
        present(field, values);
        if (values.isEmpty()) {
            throw new InvalidEventException(field, "must not be empty");
        }
        int i = 0;
        for (Object v : values) {
            if (v == null || (v instanceof String s && s.isBlank())) {
                throw new InvalidEventException(field + "[" + i + "]", "must not be blank");
            }
            i++;
        }
    }
}
