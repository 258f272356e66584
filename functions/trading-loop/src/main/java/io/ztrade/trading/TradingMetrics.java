package io.ztrade.trading;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import io.ztrade.domain.trading.AgentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * What tells an operator whether trading is healthy (dashboard "Ztrade trading", alerts
 * {@code ZtradeKillSwitchEngaged}, {@code ZtradeAgentsHalted}, {@code ZtradeTradingLoopFailing}):
 *
 * <ul>
 *   <li>{@code ztrade.trading.agents{status}}: agents per lifecycle status, and
 *       {@code ztrade.trading.kill.switch} (1 when engaged), read from PostgreSQL after every tick
 *       and command, so a scrape never waits for the database;</li>
 *   <li>{@code ztrade.trading.decisions{outcome}}: what each agent's turn in a tick came to
 *       ({@link TickService.Outcome});</li>
 *   <li>{@code ztrade.trading.tick.duration}: a tick from its start to the last order sent;</li>
 *   <li>{@code ztrade.trading.executions{type, outcome}}: the orderbook's events as booked;</li>
 *   <li>{@code ztrade.trading.rejects{rule}}: decisions to order that a risk rule (or the kill
 *       switch) refused, counted once the refusal is in the audit log, by the rule's name;</li>
 *   <li>exposure and loss, read with the gauges above (alerts {@code ZtradeExposureTooLarge},
 *       {@code ZtradeDailyLossLimitNear}): {@code ztrade.trading.position.notional{agent, symbol}}
 *       (|quantity| x average price of each open position), {@code ztrade.trading.capital.utilisation}
 *       (their sum over the traders' capital, what rule {@code max-deployed-capital} bounds) and its
 *       limit {@code ztrade.trading.capital.utilisation.limit}; per agent
 *       {@code ztrade.trading.pnl.today{agent}} (equity at the last tick's mark minus the day's start
 *       equity) and {@code ztrade.trading.daily.loss{agent}} (that loss as a fraction of the day's
 *       start, what rule {@code daily-loss-limit} bounds) with its limit
 *       {@code ztrade.trading.daily.loss.limit}; {@code ztrade.trading.pnl.realised{agent}} and
 *       {@code ztrade.trading.pnl.unrealised{agent, symbol}} (an open position at the latest bar's
 *       close minus its cost basis). Computed from the ledger's exact decimals; a gauge
 *       is their {@code double} view. A position closed or an agent removed drops its series.</li>
 * </ul>
 */
@ApplicationScoped
public class TradingMetrics {

    private static final Logger LOG = Logger.getLogger(TradingMetrics.class);

    private final MeterRegistry registry;
    private final Sql sql;
    private final Accounts accounts;
    private final Map<AgentStatus, AtomicInteger> agents = new EnumMap<>(AgentStatus.class);
    private final AtomicInteger killSwitch = new AtomicInteger();
    private final Timer tick;
    private final AtomicReference<Double> utilisation = new AtomicReference<>(0.0);
    private final MultiGauge positions;
    private final MultiGauge pnlToday;
    private final MultiGauge pnlRealised;
    private final MultiGauge pnlUnrealised;
    private final MultiGauge dailyLoss;

    public TradingMetrics(MeterRegistry registry, Sql sql, Accounts accounts, TradingConfig config) {
        this.registry = registry;
        this.sql = sql;
        this.accounts = accounts;
        Gauge.builder("ztrade.trading.capital.utilisation", utilisation, AtomicReference::get)
                .description("Capital in open positions over the traders' capital (rule max-deployed-capital)").register(registry);
        Gauge.builder("ztrade.trading.capital.utilisation.limit", () -> config.risk().maxDeployedShare().doubleValue())
                .description("The share of capital rule max-deployed-capital allows").register(registry);
        Gauge.builder("ztrade.trading.daily.loss.limit", () -> config.risk().dailyLossLimit().doubleValue())
                .description("The loss from the day's start equity at which rule daily-loss-limit halts an agent").register(registry);
        positions = MultiGauge.builder("ztrade.trading.position.notional")
                .description("An open position's |quantity| x average price").register(registry);
        pnlToday = MultiGauge.builder("ztrade.trading.pnl.today")
                .description("An agent's equity at the last tick's mark minus its day-start equity").register(registry);
        pnlRealised = MultiGauge.builder("ztrade.trading.pnl.realised")
                .description("An agent's P&L realised by closing trades since it started, net of commissions").register(registry);
        pnlUnrealised = MultiGauge.builder("ztrade.trading.pnl.unrealised")
                .description("An open position's value at the latest bar's close minus what it cost").register(registry);
        dailyLoss = MultiGauge.builder("ztrade.trading.daily.loss")
                .description("An agent's loss today as a fraction of its day-start equity (0 when up)").register(registry);
        for (AgentStatus status : AgentStatus.values()) {
            AtomicInteger count = new AtomicInteger();
            agents.put(status, count);
            Gauge.builder("ztrade.trading.agents", count, AtomicInteger::get).description("Trading agents by lifecycle status")
                    .tag("status", status.name()).register(registry);
        }
        Gauge.builder("ztrade.trading.kill.switch", killSwitch, AtomicInteger::get)
                .description("1 while the kill switch halts every agent").register(registry);
        tick = Timer.builder("ztrade.trading.tick.duration").description("A trading tick, start to the last order sent")
                .publishPercentileHistogram().register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        refresh();
    }

    /** A tick ran for {@code took}: counts each agent's outcome, then re-reads the gauges. */
    void ticked(TickService.Result result, Duration took) {
        tick.record(took);
        for (TickService.Outcome o : TickService.Outcome.values()) {
            long n = result.count(o);
            if (n > 0) {
                decisions(o).increment(n);
            }
        }
        refresh();
    }

    /** An execution event of {@code type} ({@code io.ztrade.order.filled} ...) was handled with {@code outcome}. */
    void booked(String type, FillBooking.Outcome outcome) {
        Counter.builder("ztrade.trading.executions").description("The orderbook's events as the trading loop booked them")
                .tag("type", type.substring(type.lastIndexOf('.') + 1)).tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
    }

    /** A decision to order was refused by {@code rule} (a risk rule's name, or {@code kill-switch}) and audited. */
    void rejected(String rule) {
        Counter.builder("ztrade.trading.rejects").description("Orders refused by a risk rule or the kill switch, by rule")
                .tag("rule", rule).register(registry).increment();
    }

    private Counter decisions(TickService.Outcome o) {
        return Counter.builder("ztrade.trading.decisions").description("Agents' turns in a tick, by outcome")
                .tag("outcome", o.name()).register(registry);
    }

    private void refreshExposure(Connection c) throws SQLException {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        BigDecimal deployed = BigDecimal.ZERO;
        try (PreparedStatement ps = c.prepareStatement("select agent_id, symbol, abs(quantity) * avg_price from agent_position"
                + " where quantity <> 0 order by agent_id, symbol"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                BigDecimal notional = rs.getBigDecimal(3);
                deployed = deployed.add(notional);
                rows.add(MultiGauge.Row.of(Tags.of("agent", rs.getString(1), "symbol", rs.getString(2)), notional.doubleValue()));
            }
        }
        positions.register(rows, true);
        BigDecimal capital = accounts.totalCapital(c);
        utilisation.set(capital.signum() > 0 ? deployed.divide(capital, MathContext.DECIMAL64).doubleValue() : 0.0);
    }

    /**
     * Realised P&L per agent (the ledger's) and unrealised per open position: quantity x the latest
     * close of the agent's symbol and timeframe (the mark a tick uses) minus the signed cost basis.
     */
    private void refreshPnl(Connection c) throws SQLException {
        List<MultiGauge.Row<?>> realised = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select agent_id, realised_pnl from agent_account order by agent_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                realised.add(MultiGauge.Row.of(Tags.of("agent", rs.getString(1)), rs.getBigDecimal(2).doubleValue()));
            }
        }
        pnlRealised.register(realised, true);
        List<MultiGauge.Row<?>> unrealised = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select p.agent_id, p.symbol, p.quantity, p.cost_basis, b.close"
                + " from agent_position p join agent a on a.id = p.agent_id"
                + " join lateral (select close from market_bar m where m.symbol = p.symbol and m.timeframe = a.timeframe"
                + " order by m.bar_time desc limit 1) b on true where p.quantity <> 0 order by p.agent_id, p.symbol");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                BigDecimal quantity = rs.getBigDecimal(3);
                BigDecimal cost = quantity.signum() < 0 ? rs.getBigDecimal(4).negate() : rs.getBigDecimal(4);
                BigDecimal value = quantity.multiply(rs.getBigDecimal(5)).subtract(cost);
                unrealised.add(MultiGauge.Row.of(Tags.of("agent", rs.getString(1), "symbol", rs.getString(2)), value.doubleValue()));
            }
        }
        pnlUnrealised.register(unrealised, true);
    }

    private void refreshLoss(Connection c) throws SQLException {
        List<MultiGauge.Row<?>> pnl = new ArrayList<>();
        List<MultiGauge.Row<?>> loss = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select a.agent_id, a.day_start_equity, e.equity from agent_account a"
                + " join lateral (select equity from equity_point p where p.agent_id = a.agent_id order by p.at desc limit 1) e on true"
                + " where a.day_start_equity > 0 order by a.agent_id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Tags agent = Tags.of("agent", rs.getString(1));
                BigDecimal start = rs.getBigDecimal(2);
                BigDecimal change = rs.getBigDecimal(3).subtract(start);
                pnl.add(MultiGauge.Row.of(agent, change.doubleValue()));
                loss.add(MultiGauge.Row.of(agent, change.negate().max(BigDecimal.ZERO).divide(start, MathContext.DECIMAL64).doubleValue()));
            }
        }
        pnlToday.register(pnl, true);
        dailyLoss.register(loss, true);
    }

    /**
     * Re-reads agents per status, the kill switch, exposure and loss in one transaction; a database
     * that does not answer leaves the last values.
     */
    void refresh() {
        try {
            Map<AgentStatus, Integer> counts = sql.read(c -> {
                Map<AgentStatus, Integer> out = new EnumMap<>(AgentStatus.class);
                try (PreparedStatement ps = c.prepareStatement("select status, count(*) from agent group by status");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(AgentStatus.valueOf(rs.getString(1)), rs.getInt(2));
                    }
                }
                killSwitch.set(Agents.killSwitchEngaged(c, false) ? 1 : 0);
                refreshExposure(c);
                refreshLoss(c);
                refreshPnl(c);
                return out;
            });
            agents.forEach((status, gauge) -> gauge.set(counts.getOrDefault(status, 0)));
        } catch (RuntimeException e) {
            LOG.debugf("trading gauges not refreshed: %s", e.toString());
        }
    }
}
