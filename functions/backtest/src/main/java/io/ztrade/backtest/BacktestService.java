package io.ztrade.backtest;

import io.ztrade.domain.backtest.BacktestConfig;
import io.ztrade.domain.backtest.BacktestEngine;
import io.ztrade.domain.backtest.BacktestResult;
import io.ztrade.domain.backtest.Fill;
import io.ztrade.domain.backtest.Metrics;
import io.ztrade.domain.market.BarSeries;
import io.ztrade.domain.market.Instrument;
import io.ztrade.domain.market.Instruments;
import io.ztrade.domain.market.Timeframe;
import io.ztrade.domain.strategy.Strategy;
import io.ztrade.events.EventCodec;
import io.ztrade.events.EventTypes;
import io.ztrade.events.payload.BacktestCompleted;
import io.ztrade.events.payload.BacktestFailed;
import io.ztrade.events.payload.BacktestMetrics;
import io.ztrade.events.payload.BacktestRequest;
import io.ztrade.function.JobOutcome;
import io.ztrade.persistence.BacktestRunEntity;
import io.ztrade.persistence.BacktestTradeEntity;
import io.ztrade.persistence.MarketBarRepository;
import io.ztrade.persistence.SentimentHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Runs one backtest: bars from PostgreSQL, the domain's engine, the run and its fills stored, the
 * reply built. Runs inside the job's transaction (see {@code IdempotentJobs}).
 */
@ApplicationScoped
public class BacktestService {

    private final MarketBarRepository bars;
    private final SentimentHistory sentiment;
    private final SweepService sweeps;
    private final BacktestConfigMapping config;
    private final BacktestEngine engine = new BacktestEngine();
    /** A stored score counts for a bar if it was at most this old at the bar's close (the fetcher runs every 15 minutes). */
    static final Duration SENTIMENT_MAX_AGE = Duration.ofHours(24);

    public BacktestService(MarketBarRepository bars, SentimentHistory sentiment, SweepService sweeps,
            BacktestConfigMapping config) {
        this.bars = bars;
        this.sentiment = sentiment;
        this.sweeps = sweeps;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public JobOutcome run(BacktestRequest request, long jobId) {
        long started = System.nanoTime();
        Instrument instrument = Instruments.find(request.symbol()).orElse(null);
        if (instrument == null) {
            return failed(request, BacktestFailed.UNKNOWN_SYMBOL, "unknown symbol '" + request.symbol() + "', known: "
                    + Instruments.all().stream().map(Instrument::symbol).collect(Collectors.joining(", ")));
        }
        Timeframe timeframe = Timeframe.fromId(request.timeframe());
        BarSeries series = bars.load(instrument, timeframe, request.from(), request.to());
        // the stored sentiment history (sentiment fetcher); bars with none keep NaN (see ztrade-combined)
        sentiment.fill(series, SENTIMENT_MAX_AGE);
        if (series.isEmpty()) {
            return failed(request, BacktestFailed.NO_BARS, "no " + timeframe + " bars of " + instrument.symbol()
                    + " from " + request.from() + " to " + request.to());
        }
        if (series.size() < 2) {
            return failed(request, BacktestFailed.TOO_FEW_BARS, "only one " + timeframe + " bar of " + instrument.symbol()
                    + " from " + request.from() + " to " + request.to() + "; a backtest needs two or more");
        }
        Strategy strategy = request.toStrategy();
        BigDecimal riskFree = request.riskFreeRate() != null ? request.riskFreeRate() : config.riskFreeRate();
        BacktestConfig costs = new BacktestConfig(
                request.initialCapital().doubleValue(),
                request.commissionPerTradeOrZero().doubleValue(),
                request.commissionBpsOrZero().doubleValue(),
                request.slippageBpsOrZero().doubleValue(),
                riskFree.doubleValue());
        BacktestResult result = engine.run(series, strategy, costs);
        BacktestMetrics metrics = reported(result.metrics(), instrument);

        UUID runId = UUID.randomUUID();
        BacktestRunEntity run = new BacktestRunEntity();
        run.id = runId;
        run.jobRunId = jobId;
        run.sweepId = request.sweepId() == null ? null : UUID.fromString(request.sweepId());
        run.sweepIndex = request.sweepIndex();
        run.strategy = strategy.id();
        run.params = new String(EventCodec.encode(strategy.params().asMap()), StandardCharsets.UTF_8);
        run.symbol = instrument.symbol();
        run.timeframe = timeframe.id();
        run.fromTime = request.from();
        run.toTime = request.to();
        run.initialCapital = request.initialCapital();
        run.commissionPerTrade = request.commissionPerTradeOrZero();
        run.commissionBps = request.commissionBpsOrZero();
        run.slippageBps = request.slippageBpsOrZero();
        run.riskFreeRate = riskFree;
        run.bars = result.bars();
        run.totalReturn = metrics.totalReturn();
        run.cagr = metrics.cagr();
        run.sharpe = metrics.sharpe();
        run.sortino = metrics.sortino();
        run.maxDrawdown = metrics.maxDrawdown();
        run.winRate = metrics.winRate();
        run.trades = metrics.trades();
        run.profitFactor = metrics.profitFactor();
        run.exposure = metrics.exposure();
        run.commissions = metrics.commissions();
        run.finalEquity = metrics.finalEquity();
        run.createdAt = Instant.now();
        run.durationMs = (System.nanoTime() - started) / 1_000_000;
        run.persist();

        List<BacktestTradeEntity> trades = new ArrayList<>(result.fills().size());
        int seq = 0;
        for (Fill f : result.fills()) {
            BacktestTradeEntity t = new BacktestTradeEntity();
            t.runId = runId;
            t.seq = seq++;
            t.side = f.side().name();
            t.time = Instant.ofEpochMilli(f.timeMillis());
            t.price = instrument.roundToTick(f.price());
            t.quantity = instrument.roundDownToLot(BigDecimal.valueOf(f.quantity()));
            t.commission = instrument.roundToTick(f.commission());
            t.realizedPnl = instrument.roundToTick(f.realizedPnl());
            trades.add(t);
        }
        BacktestTradeEntity.persist(trades);

        if (request.sweepId() != null) {
            sweeps.memberFinished(run.sweepId, request.sweepIndex(), runId, true);
        }
        return JobOutcome.succeeded(EventTypes.BACKTEST_COMPLETED,
                new BacktestCompleted(runId, request, result.bars(), result.fills().size(), metrics));
    }

    private JobOutcome failed(BacktestRequest request, String code, String reason) {
        if (request.sweepId() != null) {
            sweeps.memberFinished(UUID.fromString(request.sweepId()), request.sweepIndex(), null, false);
        }
        return JobOutcome.failed(EventTypes.BACKTEST_FAILED, new BacktestFailed(request, code, reason), reason);
    }

    /** Metrics as reported and stored: undefined ratios become null, money is rounded to the tick. */
    static BacktestMetrics reported(Metrics m, Instrument instrument) {
        return new BacktestMetrics(
                defined(m.totalReturn()),
                defined(m.cagr()),
                defined(m.sharpe()),
                defined(m.sortino()),
                defined(m.maxDrawdown()),
                defined(m.winRate()),
                m.trades(),
                defined(m.profitFactor()),
                defined(m.exposure()),
                instrument.roundToTick(m.commissions()),
                instrument.roundToTick(m.finalEquity()));
    }

    private static Double defined(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
