package io.ztrade.marketdata.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Retries of a provider call on 429 and 5xx (and on timeouts): exponential backoff from
 * {@code baseDelay}, doubled per attempt up to {@code maxDelay}; a {@code Retry-After} header
 * (seconds or an HTTP date) is honoured as the least wait. A wait longer than {@code maxDelay} is not
 * waited for: the call gives up and says why.
 *
 * @param maxAttempts attempts in all (1: no retry)
 * @param baseDelay   wait before the second attempt
 * @param maxDelay    the longest single wait
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay, was " + baseDelay + " / " + maxDelay);
        }
    }

    /** The backoff before attempt {@code attempt + 1} after attempt {@code attempt} (1-based) failed. */
    public Duration backoff(int attempt) {
        Duration d = baseDelay;
        for (int i = 1; i < attempt && d.compareTo(maxDelay) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    /**
     * The wait a {@code Retry-After} header asks for: delta-seconds or an IMF-fixdate; empty when
     * absent or unreadable.
     */
    public static Optional<Duration> retryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String h = header.strip();
        if (h.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(h)));
        }
        try {
            Instant at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(clock.instant(), at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Waits; a test or a benchmark may pass one that records instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;

        Sleeper REAL = d -> Thread.sleep(d.toMillis());
    }
}
