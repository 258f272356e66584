package io.ztrade.dev.emulator;

import static io.ztrade.dev.emulator.support.Api.emit;
import static io.ztrade.dev.emulator.support.Api.event;
import static io.ztrade.dev.emulator.support.Api.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.ztrade.dev.emulator.support.TradingPlatform;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * The trading loop on the platform as {@code ./ztrade up} runs it (the repository's manifests, the
 * orderbook Deployment and the trading-loop Knative Service as local processes, real Kafka,
 * PostgreSQL and Redis): agents imported and started through the broker, a market maker's quotes
 * resting in the book, a trader's tick, its order filled against them, the fill coming back through
 * the KafkaSource and the broker and booked in PostgreSQL; then the kill switch, after which no order
 * leaves. One test: it starts processes and is slow.
 */
@QuarkusTest
@TestProfile(TradingPlatform.class)
class TradingEndToEndTest {

    static final String MM = "e2e-mm-btc";
    static final String TRADER = "e2e-btc-momentum";

    @Inject
    AgroalDataSource db;

    static String json(String s) {
        return "\"" + s.replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** Emits a command and waits for the trading loop's reply; returns its type. */
    static String command(String data) {
        String id = newId("cmd");
        emit(id, "io.ztrade.agent.command", null, data).then().statusCode(202);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> !event(id).getList("replyChain.type").isEmpty());
        return event(id).getString("replyChain[0].type");
    }

    static void tickDelivered(String agent) {
        String id = newId("tick");
        emit(id, "io.ztrade.trading.tick", null, "{\"agents\":[\"" + agent + "\"]}").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> "delivered".equals(event(id).getString("event.status")));
    }

    <T> T one(String sql, String arg, Class<T> type) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, type) : null;
            }
        }
    }

    @Test
    void anAgentTradesAgainstTheMarketMakerItsFillIsBookedAndTheKillSwitchStopsEverything() throws Exception {
        Instant lastBar = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(15, ChronoUnit.MINUTES);
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("insert into market_bar (symbol,"
                + " timeframe, bar_time, open, high, low, close, volume, source) values ('BTC-USD', '15Min', ?, ?, ?, ?, ?, 1,"
                + " 'e2e') on conflict do nothing")) {
            for (int i = 0; i < 40; i++) {
                BigDecimal close = new BigDecimal("60000").add(BigDecimal.valueOf(60L * i));
                ps.setTimestamp(1, Timestamp.from(lastBar.minus(Duration.ofMinutes(15L * (39 - i)))));
                ps.setBigDecimal(2, close);
                ps.setBigDecimal(3, close);
                ps.setBigDecimal(4, close);
                ps.setBigDecimal(5, close);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        String mm = "id: " + MM + "\nkind: MARKET_MAKER\nsymbol: BTC-USD\ntimeframe: 15Min\nmarketMaker:\n  spread: 0.002\n"
                + "  size: 0.5\n  inventoryLimit: 5\ncapital: 1000000\nmaxPositionSize: 5\n";
        String trader = "id: " + TRADER + "\nsymbol: BTC-USD\ntimeframe: 15Min\nstrategy: momentum\nparams:\n  period: 1\n"
                + "  threshold: 0\ncapital: 100000\nmaxPositionSize: 0.05\nstopLoss: 0.05\nmaxDailyTrades: 5\n";
        for (String[] a : new String[][] {{MM, mm}, {TRADER, trader}}) {
            assertThat(command("{\"command\":\"IMPORT\",\"file\":\"agents/" + a[0] + "/context.yaml\",\"yaml\":" + json(a[1]) + "}"))
                    .isEqualTo("io.ztrade.agent.changed");
            assertThat(command("{\"command\":\"START\",\"agentId\":\"" + a[0] + "\"}")).isEqualTo("io.ztrade.agent.changed");
        }
        // the example agents of agents/ were imported when the function started; their market makers run
        assertThat(one("select status from agent where id = ?", "mm-btc", String.class)).isEqualTo("RUNNING");
        assertThat(one("select status from agent where id = ?", "btc-momentum", String.class)).isEqualTo("STOPPED");

        // the market maker quotes 62340 +- 0.1%; the orderbook accepts both quotes
        tickDelivered(MM);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> one(
                "select count(*) from trade_order where agent_id = ? and status = 'ACCEPTED' and order_id is not null", MM,
                Long.class) >= 2);

        // the trader's momentum BUY (a limit at most 0.5% above the close, IOC) takes the ask
        tickDelivered(TRADER);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> "FILLED".equals(one("select status from trade_order where agent_id = ?", TRADER, String.class)));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> one("select count(*) from execution where agent_id = ?", MM, Long.class) == 1);
        assertThat(one("select quantity from agent_position where agent_id = ?", TRADER, BigDecimal.class))
                .isEqualByComparingTo("0.05");
        BigDecimal price = one("select price from execution where agent_id = ?", TRADER, BigDecimal.class);
        assertThat(price).isEqualByComparingTo("62402.34");
        // no commission on the local platform: cash = 100000 - 62402.34 * 0.05
        assertThat(one("select cash from agent_account where agent_id = ?", TRADER, BigDecimal.class))
                .isEqualByComparingTo("96879.883");
        assertThat(one("select cost_basis from agent_position where agent_id = ?", TRADER, BigDecimal.class))
                .isEqualByComparingTo("3120.117");
        assertThat(one("select quantity from agent_position where agent_id = ?", MM, BigDecimal.class))
                .isEqualByComparingTo("-0.05");
        assertThat(one("select cash from agent_account where agent_id = ?", MM, BigDecimal.class))
                .isEqualByComparingTo("1003120.117");
        assertThat(one("select count(*) from trading_audit where agent_id = ? and taken", TRADER, Long.class)).isEqualTo(1);

        // the kill switch: every agent halted, the market maker's resting quotes cancelled in the book
        assertThat(command("{\"command\":\"KILL_SWITCH_ON\",\"reason\":\"e2e\"}")).isEqualTo("io.ztrade.agent.changed");
        assertThat(one("select status from agent where id = ?", TRADER, String.class)).isEqualTo("ERROR");
        assertThat(one("select status from agent where id = ?", MM, String.class)).isEqualTo("ERROR");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> one(
                "select count(*) from trade_order where agent_id = ? and status in ('NEW', 'ACCEPTED', 'PARTIALLY_FILLED')", MM,
                Long.class) == 0);
        long orders = one("select count(*) from trade_order where agent_id like ?", "%", Long.class);
        tickDelivered(MM);
        tickDelivered(TRADER);
        assertThat(one("select count(*) from trade_order where agent_id like ?", "%", Long.class)).isEqualTo(orders);
        assertThat(command("{\"command\":\"START\",\"agentId\":\"" + TRADER + "\"}")).isEqualTo("io.ztrade.agent.command.rejected");
    }
}
