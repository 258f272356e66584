package io.ztrade.domain.market;

import java.time.Instant;
import java.util.Objects;

/**
 * One OHLCV bar. {@code time} is the bar's open time. Market data is observed, not owned money, so
 * prices are {@code double}; orders, fills and cash never are.
 */
public record Bar(Instant time, double open, double high, double low, double close, double volume) {

    public Bar {
        Objects.requireNonNull(time, "time");
        if (!(low <= high) || !(low <= open && open <= high) || !(low <= close && close <= high)) {
            throw new IllegalArgumentException("inconsistent bar at " + time + ": o=" + open + " h=" + high + " l=" + low + " c=" + close);
        }
        if (!(volume >= 0)) {
            throw new IllegalArgumentException("negative volume at " + time);
        }
    }
}
