package io.ztrade.dev.emulator.support;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import javax.sql.DataSource;

/**
 * Writes trading rows (V3__trading.sql) as the trading loop books them, for the tests of
 * {@code /api/trading} and the dashboard: one statement per call, plain SQL.
 */
public final class TradingRows {

    private final DataSource dataSource;

    public TradingRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An imported agent (no account yet), with {@code settings} as JSON. */
    public TradingRows agent(String id, String symbol, String timeframe, String strategy, String capital, String status, String settings)
            throws SQLException {
        return exec("insert into agent (id, symbol, timeframe, strategy, params, kind, capital, settings, status, source_file)"
                + " values (?, ?, ?, ?, '{\"fast\": 10, \"slow\": 30}'::jsonb, 'TRADER', ?, ?::jsonb, ?, ?)",
                id, symbol, timeframe, strategy, new BigDecimal(capital), settings, status, "agents/" + id + "/context.yaml");
    }

    public TradingRows status(String id, String status, String reason) throws SQLException {
        return exec("update agent set status = ?, status_reason = ?, updated_at = now() where id = ?", status, reason, id);
    }

    /** The agent's account, replacing what was there. */
    public TradingRows account(String id, String cash, String realised, String commissions, String peak, LocalDate day, String dayStart,
            int dailyTrades) throws SQLException {
        return exec("insert into agent_account (agent_id, cash, realised_pnl, commissions, peak_equity, trading_day, day_start_equity,"
                + " daily_trades) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (agent_id) do update set cash = excluded.cash,"
                + " realised_pnl = excluded.realised_pnl, commissions = excluded.commissions, peak_equity = excluded.peak_equity,"
                + " trading_day = excluded.trading_day, day_start_equity = excluded.day_start_equity, daily_trades = excluded.daily_trades",
                id, new BigDecimal(cash), new BigDecimal(realised), new BigDecimal(commissions), new BigDecimal(peak),
                java.sql.Date.valueOf(day), new BigDecimal(dayStart), dailyTrades);
    }

    /** The agent's position (cost basis with buy commissions, as the ledger books it), replacing what was there. */
    public TradingRows position(String id, String symbol, String quantity, String costBasis) throws SQLException {
        BigDecimal q = new BigDecimal(quantity);
        BigDecimal basis = new BigDecimal(costBasis);
        return exec("insert into agent_position (agent_id, symbol, quantity, avg_price, cost_basis) values (?, ?, ?, ?, ?)"
                + " on conflict (agent_id, symbol) do update set quantity = excluded.quantity, avg_price = excluded.avg_price,"
                + " cost_basis = excluded.cost_basis", id, symbol, q, basis.abs().divide(q.abs(), java.math.MathContext.DECIMAL128), basis);
    }

    public TradingRows order(String clientOrderId, String agentId, String symbol, String side, String price, String quantity,
            String filled, String status, Instant at) throws SQLException {
        return exec("insert into trade_order (client_order_id, order_id, agent_id, symbol, side, type, price, quantity, filled_quantity,"
                + " status, created_at, updated_at) values (?, ?, ?, ?, ?, 'LIMIT', ?, ?, ?, ?, ?, ?)",
                clientOrderId, "ob-" + clientOrderId, agentId, symbol, side, new BigDecimal(price), new BigDecimal(quantity),
                new BigDecimal(filled), status, Timestamp.from(at), Timestamp.from(at));
    }

    public TradingRows execution(String executionId, String clientOrderId, String agentId, String symbol, String side, String price,
            String quantity, String commission, Instant at) throws SQLException {
        return exec("insert into execution (execution_id, client_order_id, agent_id, symbol, side, price, quantity, commission, booked_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", executionId, clientOrderId, agentId, symbol, side, new BigDecimal(price),
                new BigDecimal(quantity), new BigDecimal(commission), Timestamp.from(at));
    }

    public TradingRows equity(String agentId, Instant at, String equity, String drawdown) throws SQLException {
        return exec("insert into equity_point (agent_id, at, equity, drawdown) values (?, ?, ?, ?)", agentId, Timestamp.from(at),
                new BigDecimal(equity), new BigDecimal(drawdown));
    }

    /** One decision of the audit log, {@code detail} as JSON. */
    public TradingRows audit(String agentId, Instant barTime, String action, boolean taken, String rule, String detail)
            throws SQLException {
        return exec("insert into trading_audit (agent_id, bar_time, action, taken, rule, detail) values (?, ?, ?, ?, ?, ?::jsonb)",
                agentId, Timestamp.from(barTime), action, taken, rule, detail);
    }

    /** A bar whose close marks the symbol's positions. */
    public TradingRows bar(String symbol, Instant time, String close) throws SQLException {
        return exec("insert into market_bar (symbol, timeframe, bar_time, open, high, low, close, volume, source)"
                + " values (?, '1Day', ?, ?, ?, ?, ?, 1000, 'replay')", symbol, Timestamp.from(time), new BigDecimal(close),
                new BigDecimal(close), new BigDecimal(close), new BigDecimal(close));
    }

    public TradingRows killSwitch(boolean engaged, String reason) throws SQLException {
        return exec("update kill_switch set engaged = ?, reason = ?, changed_at = now() where id = 1", engaged, reason);
    }

    private TradingRows exec(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
        return this;
    }
}
