package io.ztrade.backtest;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.ztrade.domain.market.Instruments;
import io.ztrade.events.EventCodec;
import io.ztrade.events.EventSources;
import io.ztrade.events.EventTypes;
import io.ztrade.events.InvalidEventException;
import io.ztrade.events.payload.BacktestMetrics;
import io.ztrade.events.payload.BacktestRequest;
import io.ztrade.events.payload.SweepCompleted;
import io.ztrade.events.payload.SweepRequest;
import io.ztrade.events.payload.SweepResult;
import io.ztrade.function.EventSink;
import io.ztrade.function.JobOutcome;
import io.ztrade.persistence.BacktestRunEntity;
import io.ztrade.persistence.BacktestSweepEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Parameter sweeps: fan-out of one {@code backtest.requested} per combination to the sink
 * ({@code K_SINK}), and completion tracking in PostgreSQL.
 *
 * <p>Each member moves PENDING -> SUCCEEDED/FAILED exactly once ({@code update ... where status =
 * 'PENDING'}); only that transition increments the sweep's {@code done} counter, in the same
 * transaction as the run it belongs to. Redelivered events and concurrent replicas therefore count
 * every member once, and the one {@code update} that claims {@code announced_at} sends
 * {@code sweep.completed}.
 */
@ApplicationScoped
public class SweepService {

    private static final Logger LOG = Logger.getLogger(SweepService.class);
    private static final String SWEEP_SOURCE = EventSources.BACKTEST_FUNCTION;

    /** Ranking metric -> column; maxDrawdown ranks lowest first. */
    private static final Map<String, String> ORDER = Map.of(
            "totalReturn", "totalReturn desc",
            "cagr", "cagr desc",
            "sharpe", "sharpe desc",
            "sortino", "sortino desc",
            "maxDrawdown", "maxDrawdown asc",
            "winRate", "winRate desc",
            "profitFactor", "profitFactor desc",
            "finalEquity", "finalEquity desc");

    private final EventSink sink;

    public SweepService(EventSink sink) {
        this.sink = sink;
    }

    /** A run that claims to belong to a sweep must name an existing sweep and a valid index. */
    public void checkMember(BacktestRequest request) {
        if (request.sweepId() == null) {
            return;
        }
        UUID id;
        try {
            id = UUID.fromString(request.sweepId());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("sweepId", "not a UUID: " + request.sweepId());
        }
        BacktestSweepEntity sweep = QuarkusTransaction.joiningExisting().call(() -> BacktestSweepEntity.findById(id));
        if (sweep == null) {
            throw new InvalidEventException("sweepId", "unknown sweep " + id);
        }
        if (request.sweepIndex() == null || request.sweepIndex() >= sweep.total) {
            throw new InvalidEventException("sweepIndex", "must be in [0, " + sweep.total + ") for sweep " + id);
        }
    }

    /** Records the sweep and its members (once), then sends one event per member to the sink. */
    public JobOutcome fanOut(SweepPlan plan) {
        QuarkusTransaction.requiringNew().run(() -> create(plan));
        for (int i = 0; i < plan.runs().size(); i++) {
            BacktestRequest run = plan.runs().get(i);
            sink.send(EventTypes.BACKTEST_REQUESTED, SWEEP_SOURCE, plan.runEventId(i), plan.sweepId().toString(), run);
        }
        LOG.infof("sweep %s: %d runs sent, %d combinations skipped", plan.sweepId(), plan.runs().size(), plan.skipped());
        return JobOutcome.succeededWithoutReply();
    }

    private void create(SweepPlan plan) {
        EntityManager em = Panache.getEntityManager();
        SweepRequest req = plan.request();
        int created = em.createNativeQuery("insert into backtest_sweep (id, request, metric, top_n, total, skipped, status, created_at)"
                        + " values (?1, cast(?2 as jsonb), ?3, ?4, ?5, ?6, 'RUNNING', ?7) on conflict (id) do nothing")
                .setParameter(1, plan.sweepId())
                .setParameter(2, json(req))
                .setParameter(3, req.metricOrDefault())
                .setParameter(4, req.topOrDefault())
                .setParameter(5, plan.runs().size())
                .setParameter(6, plan.skipped())
                .setParameter(7, Instant.now())
                .executeUpdate();
        if (created == 0) {
            return;
        }
        for (int i = 0; i < plan.runs().size(); i++) {
            em.createNativeQuery("insert into backtest_sweep_member (sweep_id, idx, params, status)"
                            + " values (?1, ?2, cast(?3 as jsonb), 'PENDING')")
                    .setParameter(1, plan.sweepId())
                    .setParameter(2, i)
                    .setParameter(3, json(plan.runs().get(i).params()))
                    .executeUpdate();
        }
    }

    /**
     * Counts member {@code index} of {@code sweepId} as finished, once. Runs in the caller's (the
     * run's) transaction.
     */
    public void memberFinished(UUID sweepId, int index, UUID runId, boolean succeeded) {
        EntityManager em = Panache.getEntityManager();
        int moved = em.createNativeQuery("update backtest_sweep_member set status = ?1, run_id = ?2"
                        + " where sweep_id = ?3 and idx = ?4 and status = 'PENDING'")
                .setParameter(1, succeeded ? "SUCCEEDED" : "FAILED")
                .setParameter(2, runId)
                .setParameter(3, sweepId)
                .setParameter(4, index)
                .executeUpdate();
        if (moved == 1) {
            em.createNativeQuery("update backtest_sweep set done = done + 1, succeeded = succeeded + ?1, failed = failed + ?2,"
                            + " status = case when done + 1 = total then 'COMPLETED' else status end,"
                            + " completed_at = case when done + 1 = total then ?3 else completed_at end where id = ?4")
                    .setParameter(1, succeeded ? 1 : 0)
                    .setParameter(2, succeeded ? 0 : 1)
                    .setParameter(3, Instant.now())
                    .setParameter(4, sweepId)
                    .executeUpdate();
        }
    }

    /**
     * Sends {@code sweep.completed} if every member has finished and nobody has announced it yet.
     * Called after each member's transaction commits, and again on redelivery, so a crash between
     * commit and send is healed by the broker's retry.
     */
    public void announceIfComplete(String sweepId) {
        UUID id = UUID.fromString(sweepId);
        int claimed = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager()
                .createNativeQuery("update backtest_sweep set announced_at = ?1"
                        + " where id = ?2 and status = 'COMPLETED' and announced_at is null")
                .setParameter(1, Instant.now())
                .setParameter(2, id)
                .executeUpdate());
        if (claimed == 0) {
            return;
        }
        try {
            SweepCompleted completed = QuarkusTransaction.requiringNew().call(() -> summary(id));
            sink.send(EventTypes.BACKTEST_SWEEP_COMPLETED, SWEEP_SOURCE, "sweep-completed-" + id, sweepId, completed);
            LOG.infof("sweep %s completed: %d succeeded, %d failed", id, completed.succeeded(), completed.failed());
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                    .createNativeQuery("update backtest_sweep set announced_at = null where id = ?1")
                    .setParameter(1, id)
                    .executeUpdate());
            throw e;
        }
    }

    /** The sweep's outcome with its best runs by the sweep's metric. */
    public SweepCompleted summary(UUID id) {
        BacktestSweepEntity sweep = BacktestSweepEntity.findById(id);
        SweepRequest request = parse(sweep.request, SweepRequest.class);
        String metric = sweep.metric;
        String order = ORDER.get(metric);
        String column = order.substring(0, order.indexOf(' '));
        List<BacktestRunEntity> best = BacktestRunEntity
                .find("sweepId = ?1 and " + column + " is not null order by " + order + ", sweepIndex", id)
                .page(0, sweep.topN)
                .list();
        List<SweepResult> top = new ArrayList<>();
        for (BacktestRunEntity r : best) {
            var instrument = Instruments.find(r.symbol).orElseThrow();
            BacktestMetrics m = new BacktestMetrics(r.totalReturn, r.cagr, r.sharpe, r.sortino, r.maxDrawdown, r.winRate,
                    r.trades, r.profitFactor, r.exposure, instrument.roundToTick(r.commissions),
                    instrument.roundToTick(r.finalEquity));
            top.add(new SweepResult(top.size() + 1, r.id, parse(r.params, new TypeReference<Map<String, Object>>() {}), m));
        }
        return new SweepCompleted(id, request, metric, sweep.total, sweep.succeeded, sweep.failed, sweep.skipped, top);
    }

    private static String json(Object value) {
        return new String(EventCodec.encode(value), StandardCharsets.UTF_8);
    }

    private static <T> T parse(String json, Class<T> type) {
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    private static <T> T parse(String json, TypeReference<T> type) {
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
