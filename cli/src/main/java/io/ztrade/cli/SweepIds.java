package io.ztrade.cli;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The sweep id the backtest function gives the sweep a {@code sweep.requested} event plans: a
 * name-based UUID of its source and id, so that a redelivered request plans the same sweep
 * (functions/backtest {@code SweepPlan.sweepId}; a test keeps the two equal). The
 * {@code sweep.completed} event names it as {@code data.sweepId}.
 */
final class SweepIds {

    private SweepIds() {}

    static UUID of(String eventSource, String eventId) {
        return UUID.nameUUIDFromBytes(("sweep\n" + eventSource + "\n" + eventId).getBytes(StandardCharsets.UTF_8));
    }
}
