package io.ztrade.trading;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.context.Context;
import io.ztrade.domain.backtest.Side;
import io.ztrade.domain.market.BarSeries;
import io.ztrade.domain.market.Instrument;
import io.ztrade.domain.strategy.Action;
import io.ztrade.domain.trading.AgentKind;
import io.ztrade.domain.trading.AgentSpec;
import io.ztrade.domain.trading.AgentStatus;
import io.ztrade.domain.trading.AgentTransition;
import io.ztrade.domain.trading.ClientOrderIds;
import io.ztrade.domain.trading.CommissionModel;
import io.ztrade.domain.trading.Decision;
import io.ztrade.domain.trading.MarketHours;
import io.ztrade.domain.trading.MarketMakerQuotes;
import io.ztrade.domain.trading.OpenPosition;
import io.ztrade.domain.trading.OrderReason;
import io.ztrade.domain.trading.Quote;
import io.ztrade.domain.trading.Quotes;
import io.ztrade.domain.trading.RiskContext;
import io.ztrade.domain.trading.RiskLimits;
import io.ztrade.domain.trading.RuleResult;
import io.ztrade.domain.trading.TradingDecider;
import io.ztrade.events.EventSources;
import io.ztrade.events.EventTypes;
import io.ztrade.events.payload.AgentChanged;
import io.ztrade.events.payload.OrderRequest;
import io.ztrade.events.payload.SignalGenerated;
import io.ztrade.function.EventSink;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.jboss.logging.Logger;

/**
 * One tick: every RUNNING agent whose market is open, market makers first (they requote around the
 * latest price), then traders whose next bar has closed. Each agent runs under its Redis lock on a
 * virtual thread, at most {@code ztrade.trading.parallelism} at once; the bars and sentiment of a symbol and
 * timeframe are read once per tick and shared (read only) by its agents. A trader's decision, its audit
 * row, its order row and the order itself are one PostgreSQL transaction: the row is inserted first
 * (a client order id that exists already means a retried tick: nothing is sent), the order goes to
 * Kafka, then the transaction commits together with the agent's {@code last_bar_time}.
 */
@ApplicationScoped
public class TickService {

    private static final Logger LOG = Logger.getLogger(TickService.class);

    /** What happened to one agent in one tick. */
    public enum Outcome { DECIDED, ORDERED, QUOTED, NOT_DUE, MARKET_CLOSED, NO_BARS, LOCKED, NOT_RUNNING, KILL_SWITCH, FAILED }

    /** A tick's result per agent. */
    public record Result(Map<String, Outcome> outcomes) {
        public long count(Outcome o) {
            return outcomes.values().stream().filter(o::equals).count();
        }
    }

    private final Agents agents;
    private final Accounts accounts;
    private final Orders orders;
    private final MarketInputs inputs;
    private final AgentLocks locks;
    private final OrderPublisher publisher;
    private final EventSink sink;
    private final Sql sql;
    private final TradingConfig config;
    private final TradingMetrics metrics;
    private final TradingDecider decider;

    public TickService(Agents agents, Accounts accounts, Orders orders, MarketInputs inputs, AgentLocks locks,
            OrderPublisher publisher, EventSink sink, Sql sql, TradingConfig config, TradingMetrics metrics) {
        this.agents = agents;
        this.accounts = accounts;
        this.orders = orders;
        this.inputs = inputs;
        this.locks = locks;
        this.publisher = publisher;
        this.sink = sink;
        this.sql = sql;
        this.config = config;
        this.metrics = metrics;
        TradingConfig.Risk r = config.risk();
        this.decider = new TradingDecider(new RiskLimits(r.positionShareOfCapital(), r.dailyLossLimit(), r.maxDrawdown(),
                r.maxOpenPositions(), r.maxCorrelatedPositions(), r.correlationThreshold(), r.correlationLookbackBars(),
                r.maxDeployedShare()), costs(config));
    }

    static CommissionModel costs(TradingConfig config) {
        return new CommissionModel(config.commissionPerTrade(), config.commissionBps());
    }

    /**
     * Runs one tick.
     *
     * @param only     agent ids to run (empty: every RUNNING agent)
     * @param tickTime the tick's time: market hours, due bars and market makers' quote ids depend on it
     */
    public Result tick(List<String> only, Instant tickTime) {
        Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        if (agents.killSwitchEngaged()) {
            return new Result(Map.of());
        }
        List<AgentRow> running = agents.withStatus(AgentStatus.RUNNING).stream()
                .filter(a -> only.isEmpty() || only.contains(a.id())).toList();
        Map<String, BarSeries> closesCache = new ConcurrentHashMap<>();
        Map<String, Inputs> inputsCache = new ConcurrentHashMap<>();
        Semaphore permits = new Semaphore(Math.max(1, config.parallelism()));
        // each agent's work runs in the tick's trace context (its orders carry the trace on)
        try (ExecutorService pool = Context.taskWrapping(Executors.newVirtualThreadPerTaskExecutor())) {
            for (AgentKind phase : new AgentKind[] {AgentKind.MARKET_MAKER, AgentKind.TRADER}) {
                List<Future<?>> futures = new ArrayList<>();
                for (AgentRow a : running) {
                    if (a.kind() != phase) {
                        continue;
                    }
                    futures.add(pool.submit(() -> {
                        permits.acquireUninterruptibly();
                        try {
                            outcomes.put(a.id(), runAgent(a, tickTime, closesCache, inputsCache));
                        } catch (RuntimeException e) {
                            LOG.errorf(e, "agent %s failed in the tick at %s", a.id(), tickTime);
                            outcomes.put(a.id(), Outcome.FAILED);
                        } finally {
                            permits.release();
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    try {
                        f.get();
                    } catch (Exception e) {
                        throw new IllegalStateException("tick worker failed", e);
                    }
                }
            }
        }
        return new Result(new LinkedHashMap<>(outcomes));
    }

    /** One symbol and timeframe's bars and newest sentiment, read once per tick and shared (read only) by its agents. */
    record Inputs(BarSeries bars, double sentiment) {}

    Outcome runAgent(AgentRow row, Instant now, Map<String, BarSeries> closesCache, Map<String, Inputs> inputsCache) {
        AgentSpec spec = agents.spec(row);
        if (!MarketHours.isOpen(spec.instrument(), now)) {
            return Outcome.MARKET_CLOSED;
        }
        Optional<String> token = locks.tryLock(row.id());
        if (token.isEmpty()) {
            return Outcome.LOCKED;
        }
        try {
            Inputs in = inputsCache.computeIfAbsent(spec.symbol() + ":" + spec.timeframe().id(), k -> {
                BarSeries bars = inputs.bars(spec.instrument(), spec.timeframe(), now);
                return new Inputs(bars, bars.isEmpty() ? Double.NaN : inputs.sentiment(bars));
            });
            if (in.bars().isEmpty()) {
                return Outcome.NO_BARS;
            }
            return spec.kind() == AgentKind.MARKET_MAKER ? quote(spec, in.bars(), now)
                    : decide(spec, in.bars(), in.sentiment(), now, closesCache);
        } finally {
            locks.release(row.id(), token.get());
        }
    }

    private Outcome decide(AgentSpec spec, BarSeries bars, double sentiment, Instant now, Map<String, BarSeries> closesCache) {
        int last = bars.size() - 1;
        Instant barTime = bars.time(last);
        BigDecimal mark = spec.instrument().roundToTick(bars.closeColumn()[last]);
        Decision[] made = new Decision[1];
        boolean[] halted = new boolean[1];
        String[] refusedBy = new String[1];
        Outcome outcome = sql.tx(c -> {
            AgentRow fresh = agents.find(c, spec.id(), true).orElse(null);
            if (fresh == null || fresh.status() != AgentStatus.RUNNING) {
                return Outcome.NOT_RUNNING;
            }
            if (fresh.lastBarTime() != null && !barTime.isAfter(fresh.lastBarTime())) {
                return Outcome.NOT_DUE;
            }
            boolean engaged = Agents.killSwitchEngaged(c, true);
            Accounts.Account account = accounts.roll(c, spec.id(), spec.instrument(), now, mark);
            List<OpenPosition> open = new ArrayList<>();
            for (OpenPosition p : accounts.openPositions(c)) {
                open.add(new OpenPosition(p.agentId(), p.symbol(), p.quantity(), p.averagePrice(),
                        recentCloses(p.symbol(), spec, bars, now, closesCache)));
            }
            RiskContext context = RiskContext.of(Accounts.state(spec.id(), fresh.status(), account), open,
                    accounts.totalCapital(c));
            Decision d = decider.decide(spec, context, bars, sentiment, now);
            made[0] = d;
            boolean send = d.placesOrder() && !engaged;
            ObjectNode detail = auditDetail(d, sentiment);
            String refused = engaged && d.placesOrder() ? "kill-switch" : d.refusedBy();
            orders.audit(c, spec.id(), barTime, d.action().name(), send, refused, detail);
            refusedBy[0] = refused;
            Outcome result = Outcome.DECIDED;
            if (send) {
                Side side = d.action() == Action.BUY ? Side.BUY : Side.SELL;
                BigDecimal price = marketableLimit(spec.instrument(), side, d.limitPrice());
                if (orders.insert(c, d.clientOrderId(), spec.id(), spec.symbol(), side.name(), "LIMIT", price, d.quantity())) {
                    accounts.countTrade(c, spec.id());
                    publisher.send(OrderRequest.place(d.clientOrderId(), spec.id(), spec.symbol(), side.name(), "LIMIT", "IOC",
                            false, plain(price), plain(d.quantity())));
                    result = Outcome.ORDERED;
                }
            }
            if (d.haltAgent()) {
                agents.setStatus(c, spec.id(), fresh.status().after(AgentTransition.HALT), "halted by " + d.refusedBy() + ": "
                        + haltDetail(d));
                halted[0] = true;
            }
            agents.setLastBarTime(c, spec.id(), barTime);
            accounts.equityPoint(c, spec.id(), now.truncatedTo(ChronoUnit.SECONDS),
                    account.ledger().cash().add(account.ledger().quantity().multiply(mark)));
            return engaged ? Outcome.KILL_SWITCH : result;
        });
        if (refusedBy[0] != null) {
            metrics.rejected(refusedBy[0]);
        }
        if (made[0] != null) {
            emitSignal(spec, made[0], outcome == Outcome.ORDERED || outcome == Outcome.DECIDED && made[0].placesOrder());
        }
        if (halted[0]) {
            emit(EventTypes.AGENT_CHANGED, spec.id() + "/halt/" + barTime, spec.id(),
                    new AgentChanged(spec.id(), AgentStatus.ERROR.name(), "halted by " + made[0].refusedBy()));
        }
        return outcome;
    }

    /** The limit price a trader sends: the close moved by at most {@code limit-slippage-bps} towards the other side. */
    BigDecimal marketableLimit(Instrument instrument, Side side, BigDecimal close) {
        BigDecimal move = close.multiply(config.limitSlippageBps()).movePointLeft(4);
        BigDecimal tick = instrument.tickSize();
        BigDecimal raw = side == Side.BUY ? close.add(move) : close.subtract(move);
        BigDecimal ticks = raw.divide(tick, 0, side == Side.BUY ? RoundingMode.FLOOR : RoundingMode.CEILING);
        BigDecimal p = ticks.multiply(tick);
        return p.signum() > 0 ? p.stripTrailingZeros().max(tick) : tick;
    }

    private double[] recentCloses(String symbol, AgentSpec spec, BarSeries own, Instant now, Map<String, BarSeries> cache) {
        int n = decider.limits().correlationLookbackBars();
        BarSeries s = symbol.equals(spec.symbol()) ? own
                : cache.computeIfAbsent(symbol + ":" + spec.timeframe().id(), k -> io.ztrade.domain.market.Instruments.find(symbol)
                        .map(i -> inputs.bars(i, spec.timeframe(), now)).orElse(null));
        if (s == null || s.isEmpty()) {
            return new double[0];
        }
        double[] closes = s.closeColumn();
        int from = Math.max(0, s.size() - n);
        double[] out = new double[s.size() - from];
        System.arraycopy(closes, from, out, 0, out.length);
        return out;
    }

    private Outcome quote(AgentSpec spec, BarSeries bars, Instant now) {
        Instant slot = now.truncatedTo(ChronoUnit.MINUTES);
        int last = bars.size() - 1;
        BigDecimal mid = spec.instrument().roundToTick(bars.closeColumn()[last]);
        String bidId = ClientOrderIds.of(spec.id(), slot, OrderReason.QUOTE_BID);
        String askId = ClientOrderIds.of(spec.id(), slot, OrderReason.QUOTE_ASK);
        return sql.tx(c -> {
            AgentRow fresh = agents.find(c, spec.id(), true).orElse(null);
            if (fresh == null || fresh.status() != AgentStatus.RUNNING) {
                return Outcome.NOT_RUNNING;
            }
            if (Agents.killSwitchEngaged(c, true)) {
                return Outcome.KILL_SWITCH;
            }
            Accounts.Account account = accounts.roll(c, spec.id(), spec.instrument(), now, mid);
            Quotes q = MarketMakerQuotes.quote(mid, spec.marketMaker().spread(), spec.marketMaker().size(),
                    account.ledger().quantity(), spec.marketMaker().inventoryLimit(), spec.instrument());
            ObjectNode detail = Orders.detail();
            detail.put("mid", mid.toPlainString());
            detail.put("inventory", account.ledger().quantity().toPlainString());
            q.bid().ifPresent(b -> detail.put("bid", b.quantity().toPlainString() + " @ " + b.price().toPlainString()));
            q.ask().ifPresent(a -> detail.put("ask", a.quantity().toPlainString() + " @ " + a.price().toPlainString()));
            boolean sent = false;
            if (!spec.dryRun()) {
                for (Orders.OrderRow o : orders.open(c, spec.id())) {
                    if (!o.clientOrderId().equals(bidId) && !o.clientOrderId().equals(askId)) {
                        publisher.send(cancelOf(o));
                    }
                }
                sent |= place(c, spec, bidId, q.bid());
                sent |= place(c, spec, askId, q.ask());
            }
            orders.audit(c, spec.id(), slot, "QUOTE", sent, null, detail);
            agents.setLastBarTime(c, spec.id(), bars.time(last));
            accounts.equityPoint(c, spec.id(), now.truncatedTo(ChronoUnit.SECONDS),
                    account.ledger().cash().add(account.ledger().quantity().multiply(mid)));
            return sent ? Outcome.QUOTED : Outcome.DECIDED;
        });
    }

    private boolean place(Connection c, AgentSpec spec, String id, Optional<Quote> quote) throws SQLException {
        if (quote.isEmpty()) {
            return false;
        }
        Quote q = quote.get();
        if (!orders.insert(c, id, spec.id(), spec.symbol(), q.side().name(), "LIMIT", q.price(), q.quantity())) {
            return false;
        }
        publisher.send(OrderRequest.place(id, spec.id(), spec.symbol(), q.side().name(), "LIMIT", "GTC", true,
                plain(q.price()), plain(q.quantity())));
        return true;
    }

    /** The cancel of a stored open order: by the book's order id when known, else by client order id and account. */
    static OrderRequest cancelOf(Orders.OrderRow o) {
        return o.orderId() != null
                ? OrderRequest.cancel(o.symbol(), o.orderId(), o.agentId())
                : new OrderRequest(OrderRequest.CANCEL, null, o.clientOrderId(), o.agentId(), o.symbol(), null, null, null,
                        null, null, null);
    }

    private static String haltDetail(Decision d) {
        return d.rules().stream().filter(r -> r.haltsAgent() && !r.passed()).map(RuleResult::detail).findFirst()
                .orElse(d.detail());
    }

    private static ObjectNode auditDetail(Decision d, double sentiment) {
        ObjectNode n = Orders.detail();
        n.put("reason", d.reason() == null ? null : d.reason().name());
        n.put("quantity", d.quantity() == null ? null : d.quantity().toPlainString());
        n.put("limitPrice", d.limitPrice() == null ? null : d.limitPrice().toPlainString());
        n.put("clientOrderId", d.clientOrderId());
        n.put("dryRun", d.dryRun());
        n.put("haltAgent", d.haltAgent());
        n.put("detail", d.detail());
        if (!Double.isNaN(sentiment)) {
            n.put("sentiment", sentiment);
        }
        ObjectNode ind = n.putObject("indicators");
        d.indicators().forEach((k, v) -> {
            if (v != null && Double.isFinite(v)) {
                ind.put(k, v);
            }
        });
        var rules = n.putArray("rules");
        for (RuleResult r : d.rules()) {
            rules.addObject().put("rule", r.rule()).put("passed", r.passed()).put("detail", r.detail())
                    .put("haltsAgent", r.haltsAgent());
        }
        return n;
    }

    /** The {@code signal.generated} of a decision. */
    static SignalGenerated signal(AgentSpec spec, Decision d, boolean ordered) {
        Map<String, Double> indicators = new LinkedHashMap<>();
        d.indicators().forEach((k, v) -> indicators.put(k, v == null || !Double.isFinite(v) ? null : v));
        List<SignalGenerated.RuleCheck> rules = d.rules().stream()
                .map(r -> new SignalGenerated.RuleCheck(r.rule(), r.passed(), r.detail(), r.haltsAgent())).toList();
        double score = d.signal() == null ? Double.NaN : d.signal().score();
        double confidence = d.signal() == null ? Double.NaN : d.signal().confidence();
        return new SignalGenerated(spec.id(), spec.symbol(), spec.kind() == AgentKind.MARKET_MAKER ? "market-maker"
                : spec.strategy().id(), d.action().name(), finite(score), finite(confidence),
                d.taken() && d.signal() != null ? d.signal().sizeFraction() : 0, d.barTime(), ordered ? d.clientOrderId() : null,
                d.reason() == null ? null : d.reason().name(), indicators, finite(d.sentiment()), rules, d.refusedBy(),
                d.dryRun(), d.taken() ? plain(d.quantity()) : null,
                d.taken() && d.limitPrice() != null ? plain(d.limitPrice()) : null);
    }

    /** A decimal as the order book reads it: no exponent, no trailing zeros. */
    static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private void emitSignal(AgentSpec spec, Decision d, boolean ordered) {
        emit(EventTypes.SIGNAL_GENERATED, spec.id() + "/" + d.barTime(), spec.symbol(), signal(spec, d, ordered));
    }

    void emit(String type, String key, String subject, Object data) {
        String id = UUID.nameUUIDFromBytes((type + "\n" + key).getBytes(StandardCharsets.UTF_8)).toString();
        try {
            sink.send(type, EventSources.TRADING_LOOP_FUNCTION, id, subject, data);
        } catch (RuntimeException e) {
            LOG.warnf("%s for %s not emitted: %s", type, key, e.getMessage());
        }
    }
}
