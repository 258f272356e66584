package io.ztrade.trading;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.ztrade.events.EventSources;
import io.ztrade.events.EventTypes;
import io.ztrade.events.trace.EventTrace;
import io.ztrade.infra.KafkaResource;
import io.ztrade.infra.PostgresResource;
import io.ztrade.infra.RedisResource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The function over HTTP (binary CloudEvents) against real PostgreSQL, Redis and Kafka: ticks under
 * the per-agent lock, retried ticks, fills booked once, bad agent YAML, malformed executions, the
 * kill switch, dry runs. Agents trade BTC-USD on 15-minute bars the test writes (rising closes, so a
 * momentum agent with period 1 buys on the newest bar).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(RedisResource.class)
@QuarkusTestResource(value = KafkaResource.class, initArgs = @ResourceArg(name = KafkaResource.TOPICS, value = "ztrade.orders:3"))
@QuarkusTestResource(RecordingSink.class)
class TradingLoopFunctionTest {

    @Inject
    AgroalDataSource db;

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static final Instant LAST_BAR = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(15, ChronoUnit.MINUTES);

    static Response post(String type, String id, String data) {
        return given().contentType(ContentType.JSON)
                .header("ce-specversion", "1.0").header("ce-id", id).header("ce-source", "/tests/trading-loop")
                .header("ce-type", type).body(data).post("/");
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static String agentId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String traderYaml(String id, boolean dryRun) {
        return "id: " + id + "\nsymbol: BTC-USD\ntimeframe: 15Min\nstrategy: momentum\nparams:\n  period: 1\n  threshold: 0\n"
                + "capital: 100000\nmaxPositionSize: 0.05\nstopLoss: 0.05\ntakeProfit: 0.5\nmaxDailyTrades: 5\n"
                + "dryRun: " + dryRun + "\n";
    }

    static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static Response command(String command, String agentId, String file, String yaml) {
        StringBuilder b = new StringBuilder("{\"command\":\"").append(command).append('"');
        if (agentId != null) {
            b.append(",\"agentId\":\"").append(agentId).append('"');
        }
        if (file != null) {
            b.append(",\"file\":").append(json(file));
        }
        if (yaml != null) {
            b.append(",\"yaml\":").append(json(yaml));
        }
        return post(EventTypes.AGENT_COMMAND, newId(), b.append('}').toString());
    }

    void importAndStart(String yaml, String id) {
        command("IMPORT", null, "agents/" + id + "/context.yaml", yaml).then().statusCode(200)
                .header("ce-type", EventTypes.AGENT_CHANGED).header("ce-source", EventSources.TRADING_LOOP_FUNCTION);
        command("START", id, null, null).then().statusCode(200).header("ce-type", EventTypes.AGENT_CHANGED);
    }

    static Response tick(String id, String... agents) {
        String list = agents.length == 0 ? "" : "\"" + String.join("\",\"", agents) + "\"";
        return post(EventTypes.TRADING_TICK, id, "{\"agents\":[" + list + "]}");
    }

    List<OrdersTopic.Sent> ordersOf(String agent) {
        return OrdersTopic.all(bootstrap).stream().filter(s -> agent.equals(s.order().accountId())).toList();
    }

    long count(String sql, String arg) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    BigDecimal decimal(String sql, String arg) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBigDecimal(1) : null;
            }
        }
    }

    String text(String sql, String arg) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @BeforeEach
    void barsAndAFreshPortfolio() throws Exception {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("insert into market_bar (symbol, timeframe, bar_time, open, high, low,"
                    + " close, volume, source) values ('BTC-USD', '15Min', ?, ?, ?, ?, ?, 1, 'test') on conflict do nothing")) {
                for (int i = 0; i < 40; i++) {
                    BigDecimal close = new BigDecimal("60000").add(BigDecimal.valueOf(60L * i));
                    ps.setTimestamp(1, Timestamp.from(LAST_BAR.minus(Duration.ofMinutes(15L * (39 - i)))));
                    ps.setBigDecimal(2, close);
                    ps.setBigDecimal(3, close);
                    ps.setBigDecimal(4, close);
                    ps.setBigDecimal(5, close);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (Statement st = c.createStatement()) {
                // other tests' positions would count against the portfolio-wide limits (3 open positions)
                st.executeUpdate("delete from agent_position");
                st.executeUpdate("update agent set status = 'STOPPED' where status <> 'STOPPED'");
            }
        }
    }

    @AfterEach
    void releaseTheKillSwitch() {
        command("KILL_SWITCH_OFF", null, null, null).then().statusCode(200);
    }

    @Test
    void shouldOrderOnceWhenTwoTicksOfOneAgentRunAtOnce() throws Exception {
        String id = agentId("lock");
        importAndStart(traderYaml(id, false), id);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> ticks = List.of(1, 2).stream().map(n -> CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return tick(newId(), id).statusCode();
        })).toList();
        go.countDown();
        assertThat(ticks.stream().map(CompletableFuture::join)).containsOnly(204);

        List<OrdersTopic.Sent> sent = ordersOf(id);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).key()).isEqualTo("BTC-USD");
        assertThat(sent.get(0).order().side()).isEqualTo("BUY");
        assertThat(sent.get(0).order().quantity()).isEqualTo("0.05");
        assertThat(sent.get(0).order().clientOrderId()).startsWith(id + ".").endsWith(".sig");
        assertThat(count("select count(*) from trade_order where agent_id = ?", id)).isEqualTo(1);
        assertThat(count("select count(*) from trading_audit where agent_id = ?", id)).isEqualTo(1);
        assertThat(redis.key().exists(AgentLocks.key(id))).as("the lock is released").isFalse();
    }

    @Test
    void shouldSendTheOrdersOfATickInTheTraceOfItsDelivery() {
        String id = agentId("traced");
        importAndStart(traderYaml(id, false), id);
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String delivery = "00-" + traceId + "-00f067aa0ba902b7-01";

        given().contentType(ContentType.JSON).header("ce-specversion", "1.0").header("ce-id", newId())
                .header("ce-source", "/tests/trading-loop").header("ce-type", EventTypes.TRADING_TICK).header("traceparent", delivery)
                .body("{\"agents\":[\"" + id + "\"]}").post("/").then().statusCode(204);

        assertThat(ordersOf(id)).singleElement().satisfies(order -> {
            assertThat(order.traceparent()).as("the order continues the delivery's trace").startsWith("00-" + traceId + "-")
                    .isNotEqualTo(delivery);
            assertThatCode(() -> EventTrace.checkTraceparent(order.traceparent())).doesNotThrowAnyException();
        });
    }

    @Test
    void shouldGiveTheLockAnExpirySoACrashHoldsNothingForLong() {
        AgentLocks locks = io.quarkus.arc.Arc.container().instance(AgentLocks.class).get();
        String id = agentId("ttl");
        String token = locks.tryLock(id).orElseThrow();
        assertThat(locks.tryLock(id)).as("a second holder").isEmpty();
        long ttl = redis.key().pttl(AgentLocks.key(id));
        assertThat(ttl).isPositive().isLessThanOrEqualTo(30_000);
        locks.release(id, "someone-else");
        assertThat(locks.holder(id)).contains(token);
        locks.release(id, token);
        assertThat(locks.tryLock(id)).isPresent();
    }

    @Test
    void shouldSendNoSecondOrderWhenATickIsRetried() throws Exception {
        String id = agentId("retry");
        importAndStart(traderYaml(id, false), id);
        String tickId = newId();
        tick(tickId, id).then().statusCode(204);
        tick(tickId, id).then().statusCode(204);
        tick(newId(), id).then().statusCode(204);
        // as if the first tick's transaction had not recorded the bar (a crash after the send):
        // the order row with the same deterministic client order id stops a second send
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update agent set last_bar_time = null where id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
        tick(newId(), id).then().statusCode(204);

        assertThat(ordersOf(id)).hasSize(1);
        assertThat(count("select count(*) from trade_order where agent_id = ?", id)).isEqualTo(1);
        assertThat(count("select daily_trades from agent_account where agent_id = ?", id)).isEqualTo(1);
    }

    String orderedClientOrderId(String id) throws Exception {
        return text("select client_order_id from trade_order where agent_id = ?", id);
    }

    static String fill(String tradeId, String orderId, String clientOrderId, String account, String price, String qty,
            String remaining) {
        return "{\"tradeId\":\"" + tradeId + "\",\"orderId\":\"" + orderId + "\",\"clientOrderId\":\"" + clientOrderId
                + "\",\"accountId\":\"" + account + "\",\"symbol\":\"BTC-USD\",\"side\":\"BUY\",\"price\":\"" + price
                + "\",\"quantity\":\"" + qty + "\",\"remainingQuantity\":\"" + remaining
                + "\",\"makerOrderId\":\"m1\",\"takerOrderId\":\"" + orderId + "\",\"sequence\":7}";
    }

    @Test
    void shouldBookAFillDeliveredTwiceOnceWithExactDecimals() throws Exception {
        String id = agentId("fill");
        importAndStart(traderYaml(id, false), id);
        tick(newId(), id).then().statusCode(204);
        String coid = orderedClientOrderId(id);
        post(EventTypes.ORDER_ACCEPTED, newId(), "{\"orderId\":\"ob-1\",\"clientOrderId\":\"" + coid + "\",\"accountId\":\"" + id
                + "\",\"symbol\":\"BTC-USD\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"timeInForce\":\"IOC\",\"price\":\"62640\","
                + "\"quantity\":\"0.05\",\"sequence\":5}").then().statusCode(204);
        String first = fill("t-1", "ob-1", coid, id, "62400.01", "0.0200", "0.03");
        double booked = metric("ztrade_trading_executions_total{outcome=\"booked\",type=\"filled\"}");
        double duplicates = metric("ztrade_trading_executions_total{outcome=\"duplicate\",type=\"filled\"}");
        post(EventTypes.ORDER_FILLED, newId(), first).then().statusCode(204);
        post(EventTypes.ORDER_FILLED, newId(), first).then().statusCode(204);
        assertThat(metric("ztrade_trading_executions_total{outcome=\"booked\",type=\"filled\"}") - booked).isEqualTo(1);
        assertThat(metric("ztrade_trading_executions_total{outcome=\"duplicate\",type=\"filled\"}") - duplicates).isEqualTo(1);
        post(EventTypes.ORDER_FILLED, newId(), fill("t-2", "ob-1", coid, id, "62400.03", "0.03", "0")).then().statusCode(204);

        assertThat(count("select count(*) from execution where agent_id = ?", id)).isEqualTo(2);
        assertThat(decimal("select quantity from agent_position where agent_id = ?", id)).isEqualByComparingTo("0.05");
        // 100000 - 62400.01 * 0.02 - 1 - 62400.03 * 0.03 - 1 = 100000 - 1248.0002 - 1872.0009 - 2
        assertThat(decimal("select cash from agent_account where agent_id = ?", id)).isEqualByComparingTo("96877.9989");
        assertThat(decimal("select commissions from agent_account where agent_id = ?", id)).isEqualByComparingTo("2");
        assertThat(decimal("select cost_basis from agent_position where agent_id = ?", id)).isEqualByComparingTo("3122.0011");
        assertThat(text("select status from trade_order where agent_id = ?", id)).isEqualTo("FILLED");
        assertThat(text("select order_id from trade_order where agent_id = ?", id)).isEqualTo("ob-1");
        assertThat(count("select count(*) from equity_point where agent_id = ?", id)).isGreaterThanOrEqualTo(2);

        // The gauges follow the ledger at the next refresh (every tick and command).
        tick(newId(), id).then().statusCode(204);
        double notional = decimal("select abs(quantity) * avg_price from agent_position where agent_id = ?", id).doubleValue();
        assertThat(metric("ztrade_trading_position_notional{agent=\"" + id + "\",symbol=\"BTC-USD\"}")).as("position size")
                .isCloseTo(notional, org.assertj.core.api.Assertions.within(1e-6)).isGreaterThan(3000);
        assertThat(metric("ztrade_trading_capital_utilisation")).as("what ZtradeExposureTooLarge reads").isGreaterThan(0).isLessThan(1);
        // 0.05 x 62340 (the newest bar's close) - 3122.0011 (the cost basis); nothing closed yet
        assertThat(metric("ztrade_trading_pnl_unrealised{agent=\"" + id + "\",symbol=\"BTC-USD\"}")).as("unrealised P&L")
                .isCloseTo(-5.0011, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(metric("ztrade_trading_pnl_realised{agent=\"" + id + "\"}")).as("realised P&L").isZero();
    }

    @Test
    void shouldRefuseMalformedOrUnknownExecutionsWith400AndBookNothing() throws Exception {
        String id = agentId("bad-fill");
        importAndStart(traderYaml(id, false), id);
        tick(newId(), id).then().statusCode(204);
        String coid = orderedClientOrderId(id);
        post(EventTypes.ORDER_FILLED, newId(), fill("t-9", "ob-9", coid, id, "abc", "0.01", "0.04"))
                .then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("price"));
        post(EventTypes.ORDER_FILLED, newId(), fill("t-9", "ob-9", coid, id, "62400", "0", "0.04"))
                .then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("quantity"));
        post(EventTypes.ORDER_FILLED, newId(), fill("t-9", "ob-9", coid, id, "62400", "0.06", "0"))
                .then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("quantity"));
        post(EventTypes.ORDER_FILLED, newId(), fill("t-9", "ob-9", id + ".nope", id, "62400", "0.01", "0.04"))
                .then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("clientOrderId"));
        post(EventTypes.ORDER_FILLED, newId(), "{\"tradeId\":\"t-9\",\"sequence\":1,\"surprise\":1}")
                .then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("surprise"));

        assertThat(count("select count(*) from execution where agent_id = ?", id)).isZero();
        assertThat(decimal("select cash from agent_account where agent_id = ?", id)).isEqualByComparingTo("100000");
        assertThat(text("select status from trade_order where agent_id = ?", id)).isEqualTo("NEW");
    }

    @Test
    void shouldIgnoreExecutionsOfAccountsThatAreNotAgents() throws Exception {
        post(EventTypes.ORDER_FILLED, newId(), fill("t-u", "ob-u", "by-hand-1", "alice", "62400", "0.01", "0"))
                .then().statusCode(204);
        assertThat(count("select count(*) from execution where client_order_id = ?", "by-hand-1")).isZero();
    }

    @Test
    void shouldRefuseBadAgentYamlNamingFileAndFieldAndStoreNothing() throws Exception {
        String id = agentId("bad");
        String file = "agents/" + id + "/context.yaml";
        record Case(String yaml, String field) {}
        for (Case c : List.of(
                new Case(traderYaml(id, false).replace("capital: 100000", "capital: -5"), "capital"),
                new Case(traderYaml(id, false).replace("stopLoss: 0.05", "stopLoss: 1.5"), "stopLoss"),
                new Case(traderYaml(id, false).replace("strategy: momentum", "strategy: astrology"), "strategy"),
                new Case(traderYaml(id, false).replace("symbol: BTC-USD", "symbol: DOGE"), "symbol"),
                new Case(traderYaml(id, false).replace("period: 1", "period: -3"), "params.period"),
                new Case(traderYaml(id, false) + "leverage: 10\n", "leverage"),
                new Case("id: [unclosed\n", "yaml"))) {
            Response r = command("IMPORT", null, file, c.yaml());
            r.then().statusCode(200).header("ce-type", EventTypes.AGENT_COMMAND_REJECTED);
            assertThat(r.jsonPath().getString("file")).as(c.field()).isEqualTo(file);
            assertThat(r.jsonPath().getString("field")).as(c.yaml()).isEqualTo(c.field());
            assertThat(r.jsonPath().getString("reason")).contains(file).contains(c.field().equals("yaml") ? "YAML" : c.field());
        }
        assertThat(count("select count(*) from agent where id = ?", id)).isZero();
        assertThat(count("select count(*) from agent_account where agent_id = ?", id)).isZero();
        command("START", id, null, null).then().statusCode(200).header("ce-type", EventTypes.AGENT_COMMAND_REJECTED)
                .body("field", org.hamcrest.Matchers.equalTo("agentId"));
        command("START", null, null, null).then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("agentId"));
    }

    @Test
    void shouldDecideAuditAndSignalButNeverOrderInADryRun() throws Exception {
        String id = agentId("dry");
        importAndStart(traderYaml(id, true), id);
        tick(newId(), id).then().statusCode(204);
        assertThat(ordersOf(id)).isEmpty();
        assertThat(count("select count(*) from trade_order where agent_id = ?", id)).isZero();
        assertThat(count("select count(*) from trading_audit where agent_id = ? and action = 'BUY' and not taken", id))
                .isEqualTo(1);
        assertThat(RecordingSink.bodies(EventTypes.SIGNAL_GENERATED)).anySatisfy(b -> assertThat(b)
                .contains("\"agentId\":\"" + id + "\"").contains("\"dryRun\":true").contains("\"action\":\"BUY\"")
                .contains("\"rules\":[{"));
    }

    @Test
    void shouldHaltEveryAgentCancelRestingOrdersAndOrderNothingAfterTheKillSwitch() throws Exception {
        String mm = agentId("mm");
        importAndStart("id: " + mm + "\nkind: MARKET_MAKER\nsymbol: BTC-USD\ntimeframe: 15Min\nmarketMaker:\n"
                + "  spread: 0.002\n  size: 0.5\n  inventoryLimit: 5\ncapital: 1000000\nmaxPositionSize: 5\n", mm);
        String trader = agentId("ks");
        importAndStart(traderYaml(trader, false), trader);
        tick(newId(), mm).then().statusCode(204);
        List<OrdersTopic.Sent> quotes = ordersOf(mm);
        assertThat(quotes).extracting(s -> s.order().side()).containsExactlyInAnyOrder("BUY", "SELL");
        assertThat(quotes).allSatisfy(q -> {
            assertThat(q.order().postOnly()).isTrue();
            assertThat(q.order().timeInForce()).isEqualTo("GTC");
        });
        // 62340 +- 0.1%
        assertThat(quotes).extracting(s -> s.order().price()).containsExactlyInAnyOrder("62277.66", "62402.34");

        command("KILL_SWITCH_ON", null, null, null).then().statusCode(200).header("ce-type", EventTypes.AGENT_CHANGED);

        List<OrdersTopic.Sent> after = ordersOf(mm);
        assertThat(after.stream().filter(s -> "CANCEL".equals(s.order().command())))
                .extracting(s -> s.order().clientOrderId())
                .containsExactlyInAnyOrderElementsOf(quotes.stream().map(s -> s.order().clientOrderId()).toList());
        assertThat(text("select status from agent where id = ?", mm)).isEqualTo("ERROR");
        assertThat(text("select status from agent where id = ?", trader)).isEqualTo("ERROR");
        assertThat(text("select status_reason from agent where id = ?", trader)).contains("kill switch");
        command("START", trader, null, null).then().statusCode(200).header("ce-type", EventTypes.AGENT_COMMAND_REJECTED);
        assertThat(metric("ztrade_trading_kill_switch")).as("what the ZtradeKillSwitchEngaged alert reads").isEqualTo(1);
        assertThat(metric("ztrade_trading_agents{status=\"ERROR\"}")).as("what ZtradeAgentsHalted reads").isGreaterThanOrEqualTo(2);

        tick(newId()).then().statusCode(204);
        assertThat(ordersOf(trader)).isEmpty();
        assertThat(ordersOf(mm)).hasSize(after.size());
    }

    /** The value of one series on the function's {@code /q/metrics} (Prometheus text format), 0 when absent. */
    private static double metric(String series) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        // "name{labels} value", or with an exemplar (OpenTelemetry's trace of the last sample): "... value # {trace_id=...} v t"
        return metrics.lines().filter(l -> l.startsWith(series + " ")).map(l -> l.substring(series.length() + 1).split(" ")[0])
                .mapToDouble(Double::parseDouble).findFirst().orElse(0);
    }

    @Test
    void shouldHaltAnAgentInErrorWithTheRuleWhenItsDailyLossLimitIsHit() throws Exception {
        String id = agentId("loss");
        importAndStart(traderYaml(id, false), id);
        // the day started at 200,000 and the account holds 100,000 now: a 50 % loss today
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("update agent_account set"
                + " trading_day = ?, day_start_equity = 200000, peak_equity = 200000 where agent_id = ?")) {
            ps.setDate(1, java.sql.Date.valueOf(java.time.LocalDate.now(java.time.ZoneOffset.UTC)));
            ps.setString(2, id);
            ps.executeUpdate();
        }
        double rejects = metric("ztrade_trading_rejects_total{rule=\"daily-loss-limit\"}");
        tick(newId(), id).then().statusCode(204);

        assertThat(ordersOf(id)).isEmpty();
        assertThat(metric("ztrade_trading_rejects_total{rule=\"daily-loss-limit\"}") - rejects).as("rejects by rule").isEqualTo(1);
        assertThat(metric("ztrade_trading_daily_loss{agent=\"" + id + "\"}")).as("what ZtradeDailyLossLimitNear reads")
                .isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(metric("ztrade_trading_pnl_today{agent=\"" + id + "\"}")).isCloseTo(-100000, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(text("select status from agent where id = ?", id)).isEqualTo("ERROR");
        assertThat(text("select status_reason from agent where id = ?", id)).contains("daily-loss-limit");
        assertThat(count("select count(*) from trading_audit where agent_id = ? and not taken and rule = 'daily-loss-limit'", id))
                .isEqualTo(1);
        assertThat(RecordingSink.bodies(EventTypes.AGENT_CHANGED)).anySatisfy(b -> assertThat(b)
                .contains("\"agentId\":\"" + id + "\"").contains("\"status\":\"ERROR\"").contains("daily-loss-limit"));
        tick(newId(), id).then().statusCode(204);
        assertThat(count("select count(*) from trading_audit where agent_id = ?", id)).as("a halted agent is not run").isEqualTo(1);
    }
}
