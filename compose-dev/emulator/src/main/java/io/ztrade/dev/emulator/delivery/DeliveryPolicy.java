package io.ztrade.dev.emulator.delivery;

import io.fabric8.knative.duck.v1.DeliverySpec;
import io.fabric8.knative.duck.v1.Destination;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A resolved {@code delivery} spec: how often and how patiently one event is offered to one
 * destination, and where it goes when that fails.
 *
 * @param retry          retries after the first attempt (0 = one attempt only)
 * @param backoff        linear or exponential
 * @param backoffDelay   base delay between attempts
 * @param timeout        limit of each single attempt
 * @param deadLetterSink where an undeliverable event goes, or {@code null} to drop it
 * @param structured     send in structured mode ({@code format: json}) instead of binary
 */
public record DeliveryPolicy(
        int retry, Backoff backoff, Duration backoffDelay, Duration timeout, Destination deadLetterSink, boolean structured) {

    /** Knative's default backoff delay when a spec names none. */
    public static final Duration DEFAULT_BACKOFF_DELAY = Duration.ofMillis(200);

    /** Backoff policies of the {@code delivery} spec. */
    public enum Backoff { LINEAR, EXPONENTIAL }

    /**
     * Resolves the delivery of a Trigger (or source): each field from {@code own}, else from
     * {@code fallback} (the Broker's), else the default (no retry, exponential from 200 ms,
     * {@code defaultTimeout} per attempt, no dead-letter sink, binary mode).
     *
     * @param path where {@code own} sits in its manifest, for error messages
     * @throws IllegalArgumentException naming the field of an unparsable duration or policy
     */
    public static DeliveryPolicy resolve(String path, DeliverySpec own, DeliverySpec fallback, Duration defaultTimeout) {
        DeliverySpec a = own == null ? new DeliverySpec() : own;
        DeliverySpec b = fallback == null ? new DeliverySpec() : fallback;
        Integer retry = a.getRetry() != null ? a.getRetry() : b.getRetry();
        String policy = a.getBackoffPolicy() != null ? a.getBackoffPolicy() : b.getBackoffPolicy();
        String delay = a.getBackoffDelay() != null ? a.getBackoffDelay() : b.getBackoffDelay();
        String timeout = a.getTimeout() != null ? a.getTimeout() : b.getTimeout();
        Destination dls = a.getDeadLetterSink() != null ? a.getDeadLetterSink() : b.getDeadLetterSink();
        String format = a.getFormat() != null ? a.getFormat() : b.getFormat();
        if (retry != null && retry < 0) {
            throw new IllegalArgumentException(path + ".retry: must not be negative, was " + retry);
        }
        Backoff backoff;
        if (policy == null || policy.isBlank()) {
            backoff = Backoff.EXPONENTIAL;
        } else {
            try {
                backoff = Backoff.valueOf(policy.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(path + ".backoffPolicy: expected linear or exponential, was '" + policy + "'");
            }
        }
        return new DeliveryPolicy(
                retry == null ? 0 : retry,
                backoff,
                delay == null ? DEFAULT_BACKOFF_DELAY : duration(path + ".backoffDelay", delay),
                timeout == null ? defaultTimeout : positive(path + ".timeout", duration(path + ".timeout", timeout)),
                dls,
                "json".equalsIgnoreCase(format));
    }

    /**
     * The pause before retry number {@code n} (1 for the first retry): {@code backoffDelay * n}
     * for linear, {@code backoffDelay * 2^n} for exponential, as the Knative delivery spec
     * describes it.
     */
    public Duration backoffBefore(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("retries count from 1, was " + n);
        }
        return switch (backoff) {
            case LINEAR -> backoffDelay.multipliedBy(n);
            case EXPONENTIAL -> backoffDelay.multipliedBy(1L << Math.min(n, 30));
        };
    }

    private static Duration positive(String field, Duration d) {
        if (d.isZero()) {
            throw new IllegalArgumentException(field + ": must be greater than 0");
        }
        return d;
    }

    /** Parses an ISO-8601 duration ({@code PT0.5S}, {@code PT2M}, {@code P1DT1H}). */
    public static Duration duration(String field, String iso) {
        try {
            Duration d = Duration.parse(iso.strip());
            if (d.isNegative()) {
                throw new IllegalArgumentException(field + ": must not be negative, was '" + iso + "'");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": not an ISO-8601 duration: '" + iso + "'", e);
        }
    }
}
