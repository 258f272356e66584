package io.ztrade.marketdata.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The replayed present: from {@code anchor} on it runs {@code speed} times as fast as the wall clock
 * (speed 1: replayed time is wall time).
 *
 * @param wall   the wall clock
 * @param anchor where replayed time and wall time coincide
 * @param speed  replayed seconds per wall second, &gt; 0
 */
public record ReplayClock(Clock wall, Instant anchor, double speed) {

    public ReplayClock {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("replay speed must be positive, was " + speed);
        }
    }

    public Instant now() {
        Instant w = wall.instant();
        if (speed == 1.0) {
            return w;
        }
        long elapsedMs = Duration.between(anchor, w).toMillis();
        return anchor.plusMillis(Math.round(elapsedMs * speed));
    }
}
