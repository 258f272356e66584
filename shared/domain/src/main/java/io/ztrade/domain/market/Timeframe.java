package io.ztrade.domain.market;

import java.time.Duration;

/** Bar durations, with the ids users and other tools rely on ({@code 1Min} ... {@code 1Day}). */
public enum Timeframe {
    MIN_1("1Min", Duration.ofMinutes(1)),
    MIN_5("5Min", Duration.ofMinutes(5)),
    MIN_15("15Min", Duration.ofMinutes(15)),
    HOUR_1("1Hour", Duration.ofHours(1)),
    DAY_1("1Day", Duration.ofDays(1));

    private final String id;
    private final Duration duration;

    Timeframe(String id, Duration duration) {
        this.id = id;
        this.duration = duration;
    }

    /** The public id, e.g. {@code 1Hour}. */
    public String id() {
        return id;
    }

    public Duration duration() {
        return duration;
    }

    /** @throws IllegalArgumentException naming the valid ids when {@code id} is none of them */
    public static Timeframe fromId(String id) {
        for (Timeframe tf : values()) {
            if (tf.id.equals(id)) {
                return tf;
            }
        }
        throw new IllegalArgumentException("unknown timeframe '" + id + "', expected one of 1Min, 5Min, 15Min, 1Hour, 1Day");
    }

    @Override
    public String toString() {
        return id;
    }
}
