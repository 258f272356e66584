package io.ztrade.dev.emulator.trading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztrade.dev.emulator.trading.TradingViews.AgentDetail;
import io.ztrade.dev.emulator.trading.TradingViews.AgentPnl;
import io.ztrade.dev.emulator.trading.TradingViews.AgentRisk;
import io.ztrade.dev.emulator.trading.TradingViews.AgentSummary;
import io.ztrade.dev.emulator.trading.TradingViews.EquityPoint;
import io.ztrade.dev.emulator.trading.TradingViews.Fill;
import io.ztrade.dev.emulator.trading.TradingViews.KillSwitch;
import io.ztrade.dev.emulator.trading.TradingViews.Order;
import io.ztrade.dev.emulator.trading.TradingViews.Pnl;
import io.ztrade.dev.emulator.trading.TradingViews.Portfolio;
import io.ztrade.dev.emulator.trading.TradingViews.Position;
import io.ztrade.dev.emulator.trading.TradingViews.Risk;
import io.ztrade.dev.emulator.trading.TradingViews.Signal;
import io.ztrade.domain.trading.RiskLimits;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads what the trading loop books in PostgreSQL ({@code V3__trading.sql}) and marks it to the
 * newest price: the close of the newest stored bar of the agent's symbol and timeframe, else the
 * agent's newest fill's price, else the position's average price. Reads only; every list is empty while the schema does not exist.
 */
public final class TradingReads {

    /** SQLSTATE of "relation does not exist": the trading schema is not migrated yet. */
    private static final String UNDEFINED_TABLE = "42P01";

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final RiskLimits limits;

    public TradingReads(DataSource dataSource, ObjectMapper json, RiskLimits limits) {
        this.dataSource = dataSource;
        this.json = json;
        this.limits = limits;
    }

    /** Every agent, by id. */
    public List<AgentSummary> agents() throws SQLException {
        return read(c -> rows(c, null).stream().map(Row::summary).toList(), List.of());
    }

    /** Whether an agent with this id exists. */
    public boolean exists(String agentId) throws SQLException {
        return possibleId(agentId) && read(c -> !rows(c, agentId).isEmpty(), false);
    }

    /**
     * Whether {@code id} fits the {@code agent.id} column (at most 64 characters, no control
     * characters, which PostgreSQL would refuse as text): anything else names no agent and is not
     * sent to the database.
     */
    static boolean possibleId(String id) {
        return id != null && !id.isEmpty() && id.length() <= 64 && id.chars().noneMatch(ch -> ch < 0x20 || ch == 0x7f);
    }

    /**
     * One agent with its newest {@code points} equity points (oldest first) and its newest
     * {@code limit} signals, orders and fills (newest first); empty when there is no such agent.
     */
    public Optional<AgentDetail> agent(String agentId, int points, int limit) throws SQLException {
        if (!possibleId(agentId)) {
            return Optional.empty();
        }
        return read(c -> {
            List<Row> rows = rows(c, agentId);
            if (rows.isEmpty()) {
                return Optional.<AgentDetail>empty();
            }
            Row r = rows.get(0);
            return Optional.of(new AgentDetail(r.summary(), r.params, r.settings, r.sourceFile, r.createdAt,
                    r.quantity.signum() == 0 ? null : r.position(), equity(c, agentId, points), signals(c, agentId, limit),
                    orders(c, agentId, limit), fills(c, agentId, limit)));
        }, Optional.empty());
    }

    /** Every open position (quantity not zero), by agent. */
    public List<Position> positions() throws SQLException {
        return read(c -> rows(c, null).stream().filter(r -> r.quantity.signum() != 0).map(Row::position).toList(), List.of());
    }

    /** P&L of every agent (or of one: {@code agentId} not null) and their total. */
    public Pnl pnl(String agentId) throws SQLException {
        return read(c -> {
            List<AgentPnl> agents = new ArrayList<>();
            BigDecimal capital = BigDecimal.ZERO;
            BigDecimal cash = BigDecimal.ZERO;
            BigDecimal equity = BigDecimal.ZERO;
            BigDecimal realised = BigDecimal.ZERO;
            BigDecimal unrealised = BigDecimal.ZERO;
            BigDecimal paid = BigDecimal.ZERO;
            for (Row r : rows(c, agentId)) {
                BigDecimal commission = r.commissions;
                agents.add(new AgentPnl(r.id, Decimals.money(r.capital), Decimals.money(r.cash), Decimals.money(r.equity()),
                        Decimals.money(r.realised), Decimals.money(r.unrealised()), Decimals.money(commission),
                        Decimals.money(r.equity().subtract(r.capital)), Decimals.plain(Decimals.ratio(r.equity().subtract(r.capital), r.capital))));
                capital = capital.add(r.capital);
                cash = cash.add(r.cash);
                equity = equity.add(r.equity());
                realised = realised.add(r.realised);
                unrealised = unrealised.add(r.unrealised());
                paid = paid.add(commission);
            }
            AgentPnl total = new AgentPnl(null, Decimals.money(capital), Decimals.money(cash), Decimals.money(equity),
                    Decimals.money(realised), Decimals.money(unrealised), Decimals.money(paid), Decimals.money(equity.subtract(capital)),
                    Decimals.plain(Decimals.ratio(equity.subtract(capital), capital)));
            return new Pnl(agents, total);
        }, new Pnl(List.of(), new AgentPnl(null, "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0")));
    }

    /** The kill switch, the portfolio against its limits, every agent against its own, and the halted agents. */
    public Risk risk() throws SQLException {
        KillSwitch off = new KillSwitch(false, null, null);
        Portfolio empty = new Portfolio("0.00", "0.00", "0", Decimals.plain(limits.maxDeployedShare()), 0, limits.maxOpenPositions());
        return read(c -> {
            KillSwitch killSwitch = killSwitch(c);
            List<Row> rows = rows(c, null);
            BigDecimal capital = BigDecimal.ZERO;
            BigDecimal deployed = BigDecimal.ZERO;
            int open = 0;
            List<AgentRisk> agents = new ArrayList<>();
            List<String> halted = new ArrayList<>();
            for (Row r : rows) {
                capital = capital.add(r.capital);
                if (r.quantity.signum() != 0) {
                    open++;
                    deployed = deployed.add(r.quantity.multiply(r.mark).abs());
                }
                AgentRisk risk = r.risk(killSwitch.engaged());
                agents.add(risk);
                if (risk.halted()) {
                    halted.add(r.id);
                }
            }
            Portfolio portfolio = new Portfolio(Decimals.money(capital), Decimals.money(deployed),
                    Decimals.plain(Decimals.ratio(deployed, capital)), Decimals.plain(limits.maxDeployedShare()), open,
                    limits.maxOpenPositions());
            return new Risk(killSwitch, portfolio, agents, halted);
        }, new Risk(off, empty, List.of(), List.of()));
    }

    /** The newest {@code limit} orders (of one agent when {@code agentId} is not null), newest first, each with its fills. */
    public List<Order> orders(String agentId, int limit) throws SQLException {
        return read(c -> orders(c, agentId, limit), List.of());
    }

    // ---------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Read<T> {
        T apply(Connection c) throws SQLException;
    }

    private <T> T read(Read<T> read, T beforeTheSchema) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            return read.apply(c);
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                return beforeTheSchema;
            }
            throw e;
        }
    }

    /**
     * Agents with account, position and mark: the newest bar of the agent's own symbol and timeframe
     * (what the trading loop marks with; an index lookup per agent), else the agent's newest fill.
     */
    private static final String AGENTS = "select a.id, a.symbol, a.timeframe, a.strategy, a.kind, a.capital, a.dry_run, a.status,"
            + " a.status_reason, a.last_bar_time, a.updated_at, a.params::text, a.settings::text, a.source_file, a.created_at,"
            + " acc.cash, acc.realised_pnl, acc.peak_equity, acc.trading_day, acc.day_start_equity, acc.daily_trades,"
            + " p.quantity, p.avg_price, mb.close, mb.bar_time, me.price, me.booked_at, acc.commissions, p.cost_basis"
            + " from agent a left join agent_account acc on acc.agent_id = a.id"
            + " left join agent_position p on p.agent_id = a.id and p.symbol = a.symbol"
            + " left join lateral (select b.close, b.bar_time from market_bar b where b.symbol = a.symbol and b.timeframe = a.timeframe"
            + " order by b.bar_time desc limit 1) mb on true"
            + " left join lateral (select e.price, e.booked_at from execution e where e.agent_id = a.id"
            + " order by e.booked_at desc, e.execution_id desc limit 1) me on true";

    private List<Row> rows(Connection c, String agentId) throws SQLException {
        String sql = AGENTS + (agentId == null ? "" : " where a.id = ?") + " order by a.id";
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (agentId != null) {
                ps.setString(1, agentId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs));
                }
            }
        }
        return out;
    }

    private List<EquityPoint> equity(Connection c, String agentId, int points) throws SQLException {
        List<EquityPoint> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select at, equity, drawdown from equity_point where agent_id = ? order by at desc limit ?")) {
            ps.setString(1, agentId);
            ps.setInt(2, points);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new EquityPoint(instant(rs.getTimestamp(1)), Decimals.money(rs.getBigDecimal(2)),
                            Decimals.plain(rs.getBigDecimal(3))));
                }
            }
        }
        Collections.reverse(out);
        return out;
    }

    private List<Signal> signals(Connection c, String agentId, int limit) throws SQLException {
        List<Signal> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id, at, agent_id, bar_time, action, taken, rule, detail::text"
                + " from trading_audit where agent_id = ? order by id desc limit ?")) {
            ps.setString(1, agentId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Signal(rs.getLong(1), instant(rs.getTimestamp(2)), rs.getString(3), instant(rs.getTimestamp(4)),
                            rs.getString(5), rs.getBoolean(6), rs.getString(7), tree(rs.getString(8))));
                }
            }
        }
        return out;
    }

    private static final String FILLS = "select execution_id, client_order_id, agent_id, symbol, side, price, quantity, commission,"
            + " booked_at from execution";

    private List<Fill> fills(Connection c, String agentId, int limit) throws SQLException {
        List<Fill> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(FILLS + " where agent_id = ? order by booked_at desc, execution_id desc limit ?")) {
            ps.setString(1, agentId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(fill(rs));
                }
            }
        }
        return out;
    }

    private List<Order> orders(Connection c, String agentId, int limit) throws SQLException {
        String sql = "select client_order_id, order_id, agent_id, symbol, side, type, price, quantity, filled_quantity, status, reason,"
                + " created_at, updated_at from trade_order" + (agentId == null ? "" : " where agent_id = ?")
                + " order by created_at desc, client_order_id desc limit ?";
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (agentId != null) {
                ps.setString(i++, agentId);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), Decimals.money(rs.getBigDecimal(7)), Decimals.plain(rs.getBigDecimal(8)),
                            Decimals.plain(rs.getBigDecimal(9)), rs.getString(10), rs.getString(11), instant(rs.getTimestamp(12)),
                            instant(rs.getTimestamp(13))});
                }
            }
        }
        Map<String, List<Fill>> fills = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(FILLS + " where client_order_id = any (?) order by booked_at, execution_id")) {
                ps.setArray(1, c.createArrayOf("varchar", rows.stream().map(r -> r[0]).toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Fill f = fill(rs);
                        fills.computeIfAbsent(f.clientOrderId(), k -> new ArrayList<>()).add(f);
                    }
                }
            }
        }
        List<Order> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Order((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6],
                    (String) r[7], (String) r[8], (String) r[9], (String) r[10], (Instant) r[11], (Instant) r[12],
                    fills.getOrDefault((String) r[0], List.of())));
        }
        return out;
    }

    private static Fill fill(ResultSet rs) throws SQLException {
        return new Fill(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Decimals.money(rs.getBigDecimal(6)), Decimals.plain(rs.getBigDecimal(7)), Decimals.money(rs.getBigDecimal(8)),
                instant(rs.getTimestamp(9)));
    }

    private static KillSwitch killSwitch(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select engaged, reason, changed_at from kill_switch where id = 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new KillSwitch(rs.getBoolean(1), rs.getString(2), instant(rs.getTimestamp(3)))
                    : new KillSwitch(false, null, null);
        }
    }

    private JsonNode tree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("jsonb that is not JSON: " + e.getMessage(), e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** One agent row with its account, position and mark. */
    private final class Row {
        final String id;
        final String symbol;
        final String timeframe;
        final String strategy;
        final String kind;
        final BigDecimal capital;
        final boolean dryRun;
        final String status;
        final String statusReason;
        final Instant lastBarTime;
        final Instant updatedAt;
        final JsonNode params;
        final JsonNode settings;
        final String sourceFile;
        final Instant createdAt;
        final BigDecimal cash;
        final BigDecimal realised;
        final BigDecimal peak;
        final LocalDate tradingDay;
        final BigDecimal dayStart;
        final int dailyTrades;
        final BigDecimal quantity;
        final BigDecimal average;
        final BigDecimal costBasis;
        final BigDecimal commissions;
        final BigDecimal mark;
        final Instant markedAt;

        Row(ResultSet rs) throws SQLException {
            id = rs.getString(1);
            symbol = rs.getString(2);
            timeframe = rs.getString(3);
            strategy = rs.getString(4);
            kind = rs.getString(5);
            capital = rs.getBigDecimal(6);
            dryRun = rs.getBoolean(7);
            status = rs.getString(8);
            statusReason = rs.getString(9);
            lastBarTime = instant(rs.getTimestamp(10));
            updatedAt = instant(rs.getTimestamp(11));
            params = tree(rs.getString(12));
            settings = tree(rs.getString(13));
            sourceFile = rs.getString(14);
            createdAt = instant(rs.getTimestamp(15));
            BigDecimal storedCash = rs.getBigDecimal(16);
            cash = storedCash == null ? capital : storedCash; // no account yet: nothing traded
            realised = Decimals.orZero(rs.getBigDecimal(17));
            BigDecimal storedPeak = rs.getBigDecimal(18);
            java.sql.Date day = rs.getDate(19);
            tradingDay = day == null ? null : day.toLocalDate();
            dayStart = rs.getBigDecimal(20);
            dailyTrades = rs.getInt(21);
            quantity = Decimals.orZero(rs.getBigDecimal(22));
            average = Decimals.orZero(rs.getBigDecimal(23));
            BigDecimal barClose = rs.getBigDecimal(24);
            BigDecimal fillPrice = rs.getBigDecimal(26);
            if (barClose != null) {
                mark = barClose;
                markedAt = instant(rs.getTimestamp(25));
            } else if (fillPrice != null) {
                mark = fillPrice;
                markedAt = instant(rs.getTimestamp(27));
            } else {
                mark = average;
                markedAt = null;
            }
            peak = storedPeak == null ? capital : storedPeak;
            commissions = Decimals.orZero(rs.getBigDecimal(28));
            BigDecimal storedBasis = rs.getBigDecimal(29);
            costBasis = storedBasis != null ? storedBasis : quantity.multiply(average);
        }

        BigDecimal marketValue() {
            return quantity.multiply(mark);
        }

        BigDecimal equity() {
            return cash.add(marketValue());
        }

        /** {@code quantity x mark - costBasis}: the cost basis includes buy commissions, as the ledger books it. */
        BigDecimal unrealised() {
            return marketValue().subtract(costBasis);
        }

        BigDecimal drawdown() {
            BigDecimal high = peak.max(equity());
            return Decimals.ratio(high.subtract(equity()), high);
        }

        AgentSummary summary() {
            return new AgentSummary(id, symbol, timeframe, strategy, kind, status, statusReason, dryRun, Decimals.money(capital),
                    Decimals.money(cash), Decimals.plain(quantity), Decimals.money(average), Decimals.money(mark), markedAt,
                    Decimals.money(equity()), Decimals.money(realised), Decimals.money(unrealised()),
                    Decimals.money(equity().subtract(capital)), Decimals.plain(drawdown()), dailyTrades, lastBarTime, updatedAt);
        }

        Position position() {
            return new Position(id, symbol, Decimals.plain(quantity), Decimals.money(average), Decimals.money(mark), markedAt,
                    Decimals.money(costBasis), Decimals.money(marketValue()), Decimals.money(unrealised()));
        }

        AgentRisk risk(boolean killSwitch) {
            Integer maxDailyTrades = settings != null && settings.path("maxDailyTrades").canConvertToInt()
                    ? settings.get("maxDailyTrades").asInt() : null;
            BigDecimal loss = dayStart == null ? BigDecimal.ZERO : dayStart.subtract(equity()).max(BigDecimal.ZERO);
            BigDecimal lossShare = Decimals.ratio(loss, dayStart);
            BigDecimal drawdown = drawdown();
            List<String> breaches = new ArrayList<>();
            if (maxDailyTrades != null && dailyTrades >= maxDailyTrades) {
                breaches.add("daily-trade-limit");
            }
            if (lossShare.compareTo(limits.dailyLossLimit()) >= 0) {
                breaches.add("daily-loss-limit");
            }
            if (drawdown.compareTo(limits.maxDrawdown()) >= 0) {
                breaches.add("max-drawdown");
            }
            boolean halted = killSwitch || "ERROR".equals(status);
            String reason = statusReason == null && killSwitch ? "kill switch engaged" : statusReason;
            return new AgentRisk(id, status, reason, halted, dailyTrades, maxDailyTrades, tradingDay, Decimals.money(dayStart),
                    Decimals.money(peak), Decimals.money(equity()), Decimals.money(loss), Decimals.plain(lossShare),
                    Decimals.plain(limits.dailyLossLimit()), Decimals.plain(drawdown), Decimals.plain(limits.maxDrawdown()), breaches);
        }
    }
}
