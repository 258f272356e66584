package io.ztrade.trading;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztrade.domain.backtest.Side;
import io.ztrade.domain.trading.CommissionModel;
import io.ztrade.domain.trading.Execution;
import io.ztrade.domain.trading.Ledger;
import io.ztrade.events.EventCodec;
import io.ztrade.events.EventTypes;
import io.ztrade.events.InvalidEventException;
import io.ztrade.events.payload.OrderAccepted;
import io.ztrade.events.payload.OrderCancelled;
import io.ztrade.events.payload.OrderFilled;
import io.ztrade.events.payload.OrderRejected;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/**
 * The order book's executions for the agents' orders: {@code order.accepted}, {@code .filled},
 * {@code .rejected}, {@code .cancelled}. A fill is booked exactly once per execution id (the order
 * book's trade id and the order's id): the {@code execution} row, the order, the account, the position
 * and an equity point are one transaction, and a repeated execution id changes nothing. An event that
 * is malformed, or names an agent's order that does not exist, is refused with 400 naming the field
 * (the broker dead-letters it with that reason) and nothing is written. Executions of accounts that
 * are not agents (users trading by hand) are not the loop's business and are ignored.
 */
@ApplicationScoped
public class FillBooking {

    private static final Logger LOG = Logger.getLogger(FillBooking.class);

    /** What a delivery did. */
    public enum Outcome { BOOKED, DUPLICATE, UPDATED, NOT_AN_AGENT }

    private final Sql sql;
    private final Orders orders;
    private final Accounts accounts;
    private final CommissionModel costs;

    public FillBooking(Sql sql, Orders orders, Accounts accounts, TradingConfig config) {
        this.sql = sql;
        this.orders = orders;
        this.accounts = accounts;
        this.costs = TickService.costs(config);
    }

    public Outcome handle(String type, JsonNode data, Instant at) {
        return switch (type) {
            case EventTypes.ORDER_FILLED -> filled(EventCodec.decode(data, OrderFilled.class), at);
            case EventTypes.ORDER_ACCEPTED -> {
                OrderAccepted a = EventCodec.decode(data, OrderAccepted.class);
                yield update(a.accountId(), a.clientOrderId(), (c, o) -> orders.accepted(c, o, id("orderId", a.orderId())));
            }
            case EventTypes.ORDER_REJECTED -> {
                OrderRejected r = EventCodec.decode(data, OrderRejected.class);
                optionalId("orderId", r.orderId());
                printable("code", r.code());
                printable("reason", r.reason());
                yield update(r.accountId(), r.clientOrderId(), (c, o) -> orders.closed(c, o, r.orderId(), "REJECTED",
                        r.code() + ": " + r.reason()));
            }
            case EventTypes.ORDER_CANCELLED -> {
                OrderCancelled x = EventCodec.decode(data, OrderCancelled.class);
                optionalId("orderId", x.orderId());
                printable("reason", x.reason());
                yield update(x.accountId(), x.clientOrderId(), (c, o) -> orders.closed(c, o, x.orderId(), "CANCELLED",
                        x.reason()));
            }
            default -> throw new InvalidEventException("type", "not an execution: " + type);
        };
    }

    @FunctionalInterface
    private interface Change {
        void apply(Connection c, String clientOrderId) throws SQLException;
    }

    private Outcome update(String accountId, String clientOrderId, Change change) {
        id("accountId", accountId);
        return sql.tx(c -> {
            if (!isAgent(c, accountId)) {
                return Outcome.NOT_AN_AGENT;
            }
            Orders.OrderRow order = knownOrder(c, accountId, clientOrderId);
            change.apply(c, order.clientOrderId());
            return Outcome.UPDATED;
        });
    }

    private Outcome filled(OrderFilled f, Instant at) {
        id("accountId", f.accountId());
        String tradeId = text("tradeId", f.tradeId());
        String orderId = id("orderId", f.orderId());
        Side side = side(f.side());
        BigDecimal price = positive("price", f.price());
        BigDecimal quantity = positive("quantity", f.quantity());
        String executionId = tradeId + ":" + orderId;
        if (executionId.length() > 160) {
            throw new InvalidEventException("tradeId", "tradeId and orderId together must be at most 159 characters");
        }
        return sql.tx(c -> {
            if (!isAgent(c, f.accountId())) {
                return Outcome.NOT_AN_AGENT;
            }
            Orders.OrderRow order = knownOrder(c, f.accountId(), f.clientOrderId());
            if (!order.side().equals(side.name())) {
                throw new InvalidEventException("side", "order " + order.clientOrderId() + " is a " + order.side()
                        + ", the fill says " + side);
            }
            if (order.filledQuantity().add(quantity).compareTo(order.quantity()) > 0 && !alreadyBooked(c, executionId)) {
                throw new InvalidEventException("quantity", "fill of " + quantity.toPlainString() + " exceeds the open "
                        + order.quantity().subtract(order.filledQuantity()).toPlainString() + " of order " + order.clientOrderId());
            }
            BigDecimal commission = costs.commission(price, quantity);
            try (PreparedStatement ps = c.prepareStatement("insert into execution (execution_id, client_order_id, agent_id,"
                    + " symbol, side, price, quantity, commission) values (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (execution_id) do nothing")) {
                ps.setString(1, executionId);
                ps.setString(2, order.clientOrderId());
                ps.setString(3, order.agentId());
                ps.setString(4, order.symbol());
                ps.setString(5, side.name());
                ps.setBigDecimal(6, price);
                ps.setBigDecimal(7, quantity);
                ps.setBigDecimal(8, commission);
                if (ps.executeUpdate() == 0) {
                    return Outcome.DUPLICATE;
                }
            }
            Accounts.Account account = accounts.load(c, order.agentId(), order.symbol(), true);
            Ledger ledger = Ledger.restore(account.ledger());
            ledger.apply(new Execution(executionId, order.clientOrderId(), side, price, quantity, commission));
            BigDecimal equity = ledger.equity(price);
            accounts.store(c, order.agentId(), order.symbol(), ledger.state(), equity);
            orders.filled(c, order.clientOrderId(), orderId, quantity);
            accounts.equityPoint(c, order.agentId(), (at == null ? Instant.now() : at).truncatedTo(ChronoUnit.MILLIS), equity);
            LOG.debugf("booked %s: %s %s %s @ %s", executionId, order.agentId(), side, quantity, price);
            return Outcome.BOOKED;
        });
    }

    private static boolean alreadyBooked(Connection c, String executionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from execution where execution_id = ?")) {
            ps.setString(1, executionId);
            return ps.executeQuery().next();
        }
    }

    private static boolean isAgent(Connection c, String accountId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from agent where id = ?")) {
            ps.setString(1, accountId);
            return ps.executeQuery().next();
        }
    }

    private Orders.OrderRow knownOrder(Connection c, String accountId, String clientOrderId) throws SQLException {
        id("clientOrderId", clientOrderId);
        Orders.OrderRow order = orders.find(c, clientOrderId, true).orElseThrow(() -> new InvalidEventException(
                "clientOrderId", "unknown order '" + clientOrderId + "' of agent " + accountId + ": nothing booked"));
        if (!order.agentId().equals(accountId)) {
            throw new InvalidEventException("accountId", "order " + clientOrderId + " belongs to agent " + order.agentId()
                    + ", not " + accountId);
        }
        return order;
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(field, "is required");
        }
        return printable(field, value);
    }

    /** An id as stored ({@code varchar(64)}). */
    private static String id(String field, String value) {
        text(field, value);
        if (value.length() > 64) {
            throw new InvalidEventException(field, "must be at most 64 characters, was " + value.length());
        }
        return value;
    }

    private static void optionalId(String field, String value) {
        if (value != null) {
            id(field, value);
        }
    }

    /** Text that is stored: no control characters, at most 1,000 characters (null passes). */
    static String printable(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > 1000) {
            throw new InvalidEventException(field, "must be at most 1000 characters, was " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch < 0x20 || ch == 0x7f) {
                throw new InvalidEventException(field, "must not contain control characters (U+"
                        + String.format("%04X", (int) ch) + " at " + i + ")");
            }
        }
        return value;
    }

    private static Side side(String value) {
        text("side", value);
        try {
            return Side.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("side", "must be BUY or SELL, was '" + value + "'");
        }
    }

    private static BigDecimal positive(String field, String value) {
        text(field, value);
        BigDecimal v;
        try {
            v = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new InvalidEventException(field, "must be a decimal number, was '" + value + "'");
        }
        if (v.signum() <= 0) {
            throw new InvalidEventException(field, "must be positive, was " + value);
        }
        if (v.scale() > 18 || v.precision() - v.scale() > 20) {
            throw new InvalidEventException(field, "is out of range: " + value);
        }
        return v;
    }
}
