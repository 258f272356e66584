package io.ztrade.trading;

import io.ztrade.domain.trading.AgentKind;
import io.ztrade.domain.trading.AgentSpec;
import io.ztrade.domain.trading.AgentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The {@code agent} table and its account row; the stored definitions, rebuilt into specs (cached per version). */
@ApplicationScoped
public class Agents {

    private static final String COLUMNS = "id, symbol, timeframe, kind, capital, settings::text, dry_run, status,"
            + " status_reason, source_file, last_bar_time, updated_at";

    private final Sql sql;
    private final Map<String, Cached> specs = new ConcurrentHashMap<>();

    private record Cached(Instant version, AgentSpec spec) {}

    public Agents(Sql sql) {
        this.sql = sql;
    }

    static AgentRow row(ResultSet rs) throws SQLException {
        Timestamp last = rs.getTimestamp(11);
        return new AgentRow(rs.getString(1), rs.getString(2), rs.getString(3), AgentKind.valueOf(rs.getString(4)),
                rs.getBigDecimal(5), rs.getString(6), rs.getBoolean(7), AgentStatus.valueOf(rs.getString(8)),
                rs.getString(9), rs.getString(10), last == null ? null : last.toInstant(), rs.getTimestamp(12).toInstant());
    }

    public Optional<AgentRow> find(Connection c, String id, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from agent where id = ?"
                + (forUpdate ? " for update" : ""))) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    public Optional<AgentRow> find(String id) {
        return sql.read(c -> find(c, id, false));
    }

    /** Every agent with {@code status}, ordered by id. */
    public List<AgentRow> withStatus(AgentStatus status) {
        return sql.read(c -> {
            List<AgentRow> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from agent where status = ? order by id")) {
                ps.setString(1, status.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
            }
            return out;
        });
    }

    /** The spec of a stored agent (rebuilt from its definition when the row changed). */
    public AgentSpec spec(AgentRow row) {
        Cached c = specs.get(row.id());
        if (c == null || !c.version().equals(row.updatedAt())) {
            c = new Cached(row.updatedAt(), AgentYaml.fromJson(row.settings(), row.sourceFile()));
            specs.put(row.id(), c);
        }
        return c.spec();
    }

    /**
     * Stores a new agent (STOPPED or {@code status}) with its account, or replaces the definition of
     * an existing one that is not RUNNING (its account and history stay).
     *
     * @return true when the agent is new
     * @throws IllegalStateException when the agent exists and is RUNNING
     */
    public boolean upsert(Connection c, AgentSpec spec, Map<String, Object> tree, String file, AgentStatus status)
            throws SQLException {
        Optional<AgentRow> existing = find(c, spec.id(), true);
        String strategy = spec.kind() == AgentKind.MARKET_MAKER ? "market-maker" : spec.strategy().id();
        String params = spec.kind() == AgentKind.MARKET_MAKER
                ? AgentYaml.json(Map.of("spread", spec.marketMaker().spread(), "size", spec.marketMaker().size(),
                        "inventoryLimit", spec.marketMaker().inventoryLimit()))
                : AgentYaml.json(spec.strategy().params().asMap());
        if (existing.isPresent()) {
            if (existing.get().status() == AgentStatus.RUNNING) {
                throw new IllegalStateException("agent " + spec.id() + " is RUNNING: stop it before importing it again");
            }
            try (PreparedStatement ps = c.prepareStatement("update agent set symbol = ?, timeframe = ?, strategy = ?,"
                    + " params = ?::jsonb, kind = ?, capital = ?, settings = ?::jsonb, dry_run = ?, source_file = ?,"
                    + " updated_at = now() where id = ?")) {
                ps.setString(1, spec.symbol());
                ps.setString(2, spec.timeframe().id());
                ps.setString(3, strategy);
                ps.setString(4, params);
                ps.setString(5, spec.kind().name());
                ps.setBigDecimal(6, spec.capital());
                ps.setString(7, AgentYaml.toJson(tree));
                ps.setBoolean(8, spec.dryRun());
                ps.setString(9, file);
                ps.setString(10, spec.id());
                ps.executeUpdate();
            }
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into agent (id, symbol, timeframe, strategy, params, kind,"
                + " capital, settings, dry_run, status, source_file) values (?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?, ?)")) {
            ps.setString(1, spec.id());
            ps.setString(2, spec.symbol());
            ps.setString(3, spec.timeframe().id());
            ps.setString(4, strategy);
            ps.setString(5, params);
            ps.setString(6, spec.kind().name());
            ps.setBigDecimal(7, spec.capital());
            ps.setString(8, AgentYaml.toJson(tree));
            ps.setBoolean(9, spec.dryRun());
            ps.setString(10, status.name());
            ps.setString(11, file);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into agent_account (agent_id, cash, realised_pnl, commissions,"
                + " peak_equity, daily_trades) values (?, ?, 0, 0, ?, 0)")) {
            ps.setString(1, spec.id());
            ps.setBigDecimal(2, spec.capital());
            ps.setBigDecimal(3, spec.capital());
            ps.executeUpdate();
        }
        return true;
    }

    /** Sets the status (and its reason) of one agent. */
    public void setStatus(Connection c, String id, AgentStatus status, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update agent set status = ?, status_reason = ?, updated_at = now() where id = ?")) {
            ps.setString(1, status.name());
            ps.setString(2, reason);
            ps.setString(3, id);
            ps.executeUpdate();
        }
    }

    public void setLastBarTime(Connection c, String id, Instant barTime) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update agent set last_bar_time = ? where id = ?")) {
            ps.setTimestamp(1, Timestamp.from(barTime));
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    /** Whether the kill switch is engaged; with {@code share} the row is locked against a concurrent change. */
    public static boolean killSwitchEngaged(Connection c, boolean share) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select engaged from kill_switch where id = 1"
                + (share ? " for share" : ""))) {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    public boolean killSwitchEngaged() {
        return sql.read(c -> killSwitchEngaged(c, false));
    }
}
