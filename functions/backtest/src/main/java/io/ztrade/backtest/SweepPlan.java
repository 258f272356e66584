package io.ztrade.backtest;

import io.ztrade.events.InvalidEventException;
import io.ztrade.events.payload.BacktestRequest;
import io.ztrade.events.payload.SweepRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The runs of one sweep: every grid combination whose parameters are valid, in a fixed order. The
 * sweep id is derived from the requesting event's source + id, so a redelivered request plans the
 * same sweep and fans out the same events (same ids) again.
 *
 * @param sweepId the sweep
 * @param request the sweep request
 * @param runs    one backtest request per valid combination, indexed 0..n-1
 * @param skipped combinations whose parameters were invalid
 */
public record SweepPlan(UUID sweepId, SweepRequest request, List<BacktestRequest> runs, int skipped) {

    public static SweepPlan of(String eventSource, String eventId, SweepRequest request) {
        UUID sweepId = SweepRequest.sweepId(eventSource, eventId);
        List<BacktestRequest> runs = new ArrayList<>();
        int skipped = 0;
        InvalidEventException firstInvalid = null;
        BacktestRequest template = request.template();
        for (Map<String, Object> combination : request.combinations()) {
            BacktestRequest run = template.forSweep(sweepId.toString(), runs.size(), combination);
            try {
                run.toStrategy();
                runs.add(run);
            } catch (InvalidEventException e) {
                skipped++;
                if (firstInvalid == null) {
                    firstInvalid = e;
                }
            }
        }
        if (runs.isEmpty()) {
            throw new InvalidEventException("grid", "no combination has valid parameters (first: " + firstInvalid.getMessage() + ")");
        }
        return new SweepPlan(sweepId, request, List.copyOf(runs), skipped);
    }

    /** Id of the fan-out event of run {@code index}. */
    public String runEventId(int index) {
        return sweepId + "-" + index;
    }
}
