package io.ztrade.cli;

import java.time.Duration;

/** Small formatting helpers shared by the commands. */
final class Format {

    private Format() {}

    /** {@code 60s}, {@code 2m}, {@code 1m30s}, {@code 250ms}. */
    static String duration(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + "ms";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        return s % 60 == 0 ? s / 60 + "m" : s / 60 + "m" + s % 60 + "s";
    }
}
