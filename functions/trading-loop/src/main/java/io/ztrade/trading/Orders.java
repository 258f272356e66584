package io.ztrade.trading;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ztrade.events.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code trade_order} and {@code trading_audit}: the orders the loop sent and every decision it took. */
@ApplicationScoped
public class Orders {

    /** One stored order. */
    public record OrderRow(String clientOrderId, String orderId, String agentId, String symbol, String side, String type,
            BigDecimal price, BigDecimal quantity, BigDecimal filledQuantity, String status) {}

    private static final String COLUMNS =
            "client_order_id, order_id, agent_id, symbol, side, type, price, quantity, filled_quantity, status";

    private static OrderRow row(ResultSet rs) throws SQLException {
        return new OrderRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getString(10));
    }

    /**
     * Records an order before it is sent.
     *
     * @return false when an order with this client order id exists already (a retried tick): send nothing
     */
    public boolean insert(Connection c, String clientOrderId, String agentId, String symbol, String side, String type,
            BigDecimal price, BigDecimal quantity) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into trade_order (client_order_id, agent_id, symbol, side, type,"
                + " price, quantity) values (?, ?, ?, ?, ?, ?, ?) on conflict (client_order_id) do nothing")) {
            ps.setString(1, clientOrderId);
            ps.setString(2, agentId);
            ps.setString(3, symbol);
            ps.setString(4, side);
            ps.setString(5, type);
            ps.setBigDecimal(6, price);
            ps.setBigDecimal(7, quantity);
            return ps.executeUpdate() == 1;
        }
    }

    public Optional<OrderRow> find(Connection c, String clientOrderId, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from trade_order where client_order_id = ?"
                + (forUpdate ? " for update" : ""))) {
            ps.setString(1, clientOrderId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** Orders still open in the book (or on their way to it): of one agent, or of every agent when null. */
    public List<OrderRow> open(Connection c, String agentId) throws SQLException {
        List<OrderRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from trade_order where status in"
                + " ('NEW', 'ACCEPTED', 'PARTIALLY_FILLED')" + (agentId == null ? "" : " and agent_id = ?")
                + " order by created_at, client_order_id")) {
            if (agentId != null) {
                ps.setString(1, agentId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
        }
        return out;
    }

    public void accepted(Connection c, String clientOrderId, String orderId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update trade_order set order_id = coalesce(order_id, ?),"
                + " status = case when status = 'NEW' then 'ACCEPTED' else status end, updated_at = now()"
                + " where client_order_id = ?")) {
            ps.setString(1, orderId);
            ps.setString(2, clientOrderId);
            ps.executeUpdate();
        }
    }

    public void filled(Connection c, String clientOrderId, String orderId, BigDecimal quantity) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update trade_order set order_id = coalesce(order_id, ?),"
                + " filled_quantity = filled_quantity + ?, status = case when filled_quantity + ? >= quantity then 'FILLED'"
                + " else 'PARTIALLY_FILLED' end, updated_at = now() where client_order_id = ?")) {
            ps.setString(1, orderId);
            ps.setBigDecimal(2, quantity);
            ps.setBigDecimal(3, quantity);
            ps.setString(4, clientOrderId);
            ps.executeUpdate();
        }
    }

    /** A final status (REJECTED, CANCELLED) with its reason; a FILLED order stays FILLED. */
    public void closed(Connection c, String clientOrderId, String orderId, String status, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update trade_order set order_id = coalesce(order_id, ?), status = ?,"
                + " reason = ?, updated_at = now() where client_order_id = ? and status <> 'FILLED'")) {
            ps.setString(1, orderId);
            ps.setString(2, status);
            ps.setString(3, reason);
            ps.setString(4, clientOrderId);
            ps.executeUpdate();
        }
    }

    /** Appends one decision to the audit (never updated, never deleted). */
    public void audit(Connection c, String agentId, Instant barTime, String action, boolean taken, String rule,
            ObjectNode detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into trading_audit (agent_id, bar_time, action, taken, rule, detail)"
                + " values (?, ?, ?, ?, ?, ?::jsonb)")) {
            ps.setString(1, agentId);
            ps.setTimestamp(2, barTime == null ? null : Timestamp.from(barTime));
            ps.setString(3, action);
            ps.setBoolean(4, taken);
            ps.setString(5, rule);
            ps.setString(6, detail == null ? "{}" : detail.toString());
            ps.executeUpdate();
        }
    }

    static ObjectNode detail() {
        return EventCodec.mapper().createObjectNode();
    }
}
