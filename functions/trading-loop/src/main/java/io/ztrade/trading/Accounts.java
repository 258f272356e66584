package io.ztrade.trading;

import io.ztrade.domain.market.Instrument;
import io.ztrade.domain.trading.AgentState;
import io.ztrade.domain.trading.AgentStatus;
import io.ztrade.domain.trading.LedgerState;
import io.ztrade.domain.trading.MarketHours;
import io.ztrade.domain.trading.OpenPosition;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The accounts in PostgreSQL ({@code agent_account}, {@code agent_position}, {@code equity_point}):
 * what a decision needs ({@link AgentState}, every trader's open positions, total capital) and what a
 * booked fill writes. Money is exact {@code numeric} both ways.
 */
@ApplicationScoped
public class Accounts {

    /** Account numbers beyond {@link LedgerState}: the day and peak the risk rules need. */
    public record Account(LedgerState ledger, BigDecimal peakEquity, LocalDate tradingDay, BigDecimal dayStartEquity,
            int dailyTrades) {}

    public Account load(Connection c, String agentId, String symbol, boolean forUpdate) throws SQLException {
        BigDecimal cash;
        BigDecimal realised;
        BigDecimal commissions;
        BigDecimal peak;
        LocalDate day;
        BigDecimal dayStart;
        int trades;
        try (PreparedStatement ps = c.prepareStatement("select cash, realised_pnl, commissions, peak_equity, trading_day,"
                + " day_start_equity, daily_trades from agent_account where agent_id = ?" + (forUpdate ? " for update" : ""))) {
            ps.setString(1, agentId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("agent " + agentId + " has no account");
                }
                cash = rs.getBigDecimal(1);
                realised = rs.getBigDecimal(2);
                commissions = rs.getBigDecimal(3);
                peak = rs.getBigDecimal(4);
                Date d = rs.getDate(5);
                day = d == null ? null : d.toLocalDate();
                dayStart = rs.getBigDecimal(6);
                trades = rs.getInt(7);
            }
        }
        BigDecimal qty = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        try (PreparedStatement ps = c.prepareStatement(
                "select quantity, cost_basis from agent_position where agent_id = ? and symbol = ?")) {
            ps.setString(1, agentId);
            ps.setString(2, symbol);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    qty = rs.getBigDecimal(1);
                    cost = rs.getBigDecimal(2);
                }
            }
        }
        return new Account(new LedgerState(cash, qty, cost, realised, commissions), peak, day, dayStart, trades);
    }

    /**
     * Starts a new trading day when {@code now} is in one: the day's trade count restarts and its start
     * equity is the equity at {@code mark}. Also raises the peak equity to the equity at {@code mark}.
     */
    public Account roll(Connection c, String agentId, Instrument instrument, Instant now, BigDecimal mark) throws SQLException {
        Account a = load(c, agentId, instrument.symbol(), true);
        LocalDate today = MarketHours.tradingDay(instrument, now);
        BigDecimal equity = a.ledger().cash().add(a.ledger().quantity().multiply(mark));
        boolean newDay = !today.equals(a.tradingDay());
        BigDecimal peak = a.peakEquity().max(equity);
        if (!newDay && peak.compareTo(a.peakEquity()) == 0) {
            return a;
        }
        try (PreparedStatement ps = c.prepareStatement("update agent_account set trading_day = ?, day_start_equity = ?,"
                + " daily_trades = ?, peak_equity = ? where agent_id = ?")) {
            ps.setDate(1, Date.valueOf(today));
            ps.setBigDecimal(2, newDay ? equity : a.dayStartEquity());
            ps.setInt(3, newDay ? 0 : a.dailyTrades());
            ps.setBigDecimal(4, peak);
            ps.setString(5, agentId);
            ps.executeUpdate();
        }
        return new Account(a.ledger(), peak, today, newDay ? equity : a.dayStartEquity(), newDay ? 0 : a.dailyTrades());
    }

    /** The decision's view of the account. */
    public static AgentState state(String agentId, AgentStatus status, Account a) {
        LedgerState l = a.ledger();
        BigDecimal avg = l.quantity().signum() == 0 ? BigDecimal.ZERO
                : l.costBasis().divide(l.quantity().abs(), MathContext.DECIMAL128);
        return new AgentState(agentId, status, l.cash(), l.quantity(), avg, a.dailyTrades(),
                a.dayStartEquity() == null ? l.cash() : a.dayStartEquity(), a.peakEquity());
    }

    /** Every trader's open position (market makers' inventories are liquidity, not positions). */
    public List<OpenPosition> openPositions(Connection c) throws SQLException {
        List<OpenPosition> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select p.agent_id, p.symbol, p.quantity, p.cost_basis from agent_position p"
                + " join agent a on a.id = p.agent_id where a.kind = 'TRADER' and p.quantity <> 0 order by p.agent_id")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BigDecimal qty = rs.getBigDecimal(3);
                    out.add(new OpenPosition(rs.getString(1), rs.getString(2), qty,
                            rs.getBigDecimal(4).divide(qty.abs(), MathContext.DECIMAL128), null));
                }
            }
        }
        return out;
    }

    /** The sum of every trader's capital: the base of the portfolio share limits. */
    public BigDecimal totalCapital(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select coalesce(sum(capital), 0) from agent where kind = 'TRADER'");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    public void countTrade(Connection c, String agentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update agent_account set daily_trades = daily_trades + 1 where agent_id = ?")) {
            ps.setString(1, agentId);
            ps.executeUpdate();
        }
    }

    /** Writes a ledger's numbers back (after a fill) and raises the peak to {@code equity}. */
    public void store(Connection c, String agentId, String symbol, LedgerState l, BigDecimal equity) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update agent_account set cash = ?, realised_pnl = ?, commissions = ?,"
                + " peak_equity = greatest(peak_equity, ?) where agent_id = ?")) {
            ps.setBigDecimal(1, l.cash());
            ps.setBigDecimal(2, l.realisedPnl());
            ps.setBigDecimal(3, l.commissions());
            ps.setBigDecimal(4, equity);
            ps.setString(5, agentId);
            ps.executeUpdate();
        }
        BigDecimal avg = l.quantity().signum() == 0 ? BigDecimal.ZERO
                : l.costBasis().divide(l.quantity().abs(), MathContext.DECIMAL128);
        try (PreparedStatement ps = c.prepareStatement("insert into agent_position (agent_id, symbol, quantity, avg_price, cost_basis)"
                + " values (?, ?, ?, ?, ?) on conflict (agent_id, symbol) do update set quantity = excluded.quantity,"
                + " avg_price = excluded.avg_price, cost_basis = excluded.cost_basis")) {
            ps.setString(1, agentId);
            ps.setString(2, symbol);
            ps.setBigDecimal(3, l.quantity());
            ps.setBigDecimal(4, avg);
            ps.setBigDecimal(5, l.costBasis());
            ps.executeUpdate();
        }
    }

    /** One point of the equity curve (drawdown from the stored peak); a second point at the same instant is ignored. */
    public void equityPoint(Connection c, String agentId, Instant at, BigDecimal equity) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into equity_point (agent_id, at, equity, drawdown)"
                + " select ?, ?, ?, case when peak_equity > 0 then greatest(0, (peak_equity - ?) / peak_equity) else 0 end"
                + " from agent_account where agent_id = ? on conflict do nothing")) {
            ps.setString(1, agentId);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setBigDecimal(3, equity);
            ps.setBigDecimal(4, equity);
            ps.setString(5, agentId);
            ps.executeUpdate();
        }
    }
}
