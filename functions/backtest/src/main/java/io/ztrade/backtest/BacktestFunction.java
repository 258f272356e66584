package io.ztrade.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.funqy.Funq;
import io.quarkus.funqy.knative.events.CloudEvent;
import io.ztrade.events.EventCodec;
import io.ztrade.events.EventSources;
import io.ztrade.events.EventTypes;
import io.ztrade.events.InvalidEventException;
import io.ztrade.events.payload.BacktestRequest;
import io.ztrade.events.payload.SweepRequest;
import io.ztrade.function.IdempotentJobs;

/**
 * The Knative Service's one exported function (Funqy, Knative Events binding). It takes two event
 * types, {@code backtest.requested} and {@code backtest.sweep.requested} (or a PingSource's ping
 * whose data is a sweep request, as the nightly sweep's), decodes and validates the
 * data (400 naming the field, before anything is recorded), then runs the job at most once per event.
 */
public class BacktestFunction {

    /**
     * A PingSource's event (ADR 0007): its data is a sweep request, so a schedule such as the
     * nightly sweep is the same job as {@code backtest.sweep.requested}. Knative's type, not ours:
     * it is not in the catalog.
     */
    static final String PING = "dev.knative.sources.ping";

    private final BacktestService backtests;
    private final SweepService sweeps;
    private final IdempotentJobs jobs;

    public BacktestFunction(BacktestService backtests, SweepService sweeps, IdempotentJobs jobs) {
        this.backtests = backtests;
        this.sweeps = sweeps;
        this.jobs = jobs;
    }

    @Funq("backtest")
    public CloudEvent<JsonNode> backtest(CloudEvent<JsonNode> event) {
        String type = event.type();
        if (EventTypes.BACKTEST_REQUESTED.equals(type)) {
            BacktestRequest request = EventCodec.decode(event.data(), BacktestRequest.class);
            sweeps.checkMember(request);
            CloudEvent<JsonNode> reply =
                    jobs.run(event, EventSources.BACKTEST_FUNCTION, jobId -> backtests.run(request, jobId));
            if (request.sweepId() != null) {
                sweeps.announceIfComplete(request.sweepId());
            }
            return reply;
        }
        if (EventTypes.BACKTEST_SWEEP_REQUESTED.equals(type) || PING.equals(type)) {
            SweepRequest request = EventCodec.decode(event.data(), SweepRequest.class);
            SweepPlan plan = SweepPlan.of(event.source(), event.id(), request);
            return jobs.run(event, EventSources.BACKTEST_FUNCTION, jobId -> sweeps.fanOut(plan));
        }
        throw new InvalidEventException("type", "unexpected event type '" + type + "'");
    }
}
