package io.ztrade.trading;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import io.ztrade.domain.trading.AgentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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
 *   <li>{@code ztrade.trading.executions{type, outcome}}: the orderbook's events as booked.</li>
 * </ul>
 */
@ApplicationScoped
public class TradingMetrics {

    private static final Logger LOG = Logger.getLogger(TradingMetrics.class);

    private final MeterRegistry registry;
    private final Sql sql;
    private final Map<AgentStatus, AtomicInteger> agents = new EnumMap<>(AgentStatus.class);
    private final AtomicInteger killSwitch = new AtomicInteger();
    private final Timer tick;

    public TradingMetrics(MeterRegistry registry, Sql sql) {
        this.registry = registry;
        this.sql = sql;
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

    private Counter decisions(TickService.Outcome o) {
        return Counter.builder("ztrade.trading.decisions").description("Agents' turns in a tick, by outcome")
                .tag("outcome", o.name()).register(registry);
    }

    /** Re-reads agents per status and the kill switch; a database that does not answer leaves the last values. */
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
                return out;
            });
            agents.forEach((status, gauge) -> gauge.set(counts.getOrDefault(status, 0)));
            killSwitch.set(sql.read(c -> Agents.killSwitchEngaged(c, false)) ? 1 : 0);
        } catch (RuntimeException e) {
            LOG.debugf("trading gauges not refreshed: %s", e.toString());
        }
    }
}
