package io.ztrade.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option value types the commands share. */
final class Converters {

    private Converters() {}

    /** {@code 60s}, {@code 2m}, {@code 1m30s}, {@code 500ms}, {@code 1h}, or ISO-8601 ({@code PT1M}). */
    static final class DurationConverter implements ITypeConverter<Duration> {
        private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

        @Override
        public Duration convert(String value) {
            String v = value.trim();
            if (v.startsWith("P") || v.startsWith("p")) {
                try {
                    return Duration.parse(v);
                } catch (DateTimeParseException e) {
                    throw new TypeConversionException("'" + value + "' is not a duration (e.g. 60s, 2m, 1m30s)");
                }
            }
            Matcher m = PART.matcher(v);
            Duration total = Duration.ZERO;
            int at = 0;
            while (at < v.length() && m.find(at) && m.start() == at) {
                long n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                });
                at = m.end();
            }
            if (at == 0 || at != v.length()) {
                throw new TypeConversionException("'" + value + "' is not a duration (e.g. 60s, 2m, 1m30s)");
            }
            return total;
        }
    }

    /** An ISO-8601 instant ({@code 2013-01-01T00:00:00Z}), offset date-time, or a date (midnight UTC). */
    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            String v = value.trim();
            try {
                if (v.length() == 10) {
                    return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not an ISO-8601 time (e.g. 2013-01-01 or 2013-01-01T00:00:00Z)");
            }
        }
    }

    /** A decimal number, exact. */
    static final class DecimalConverter implements ITypeConverter<BigDecimal> {
        @Override
        public BigDecimal convert(String value) {
            try {
                return new BigDecimal(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number");
            }
        }
    }
}
