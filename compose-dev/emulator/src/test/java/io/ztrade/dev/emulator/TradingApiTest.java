package io.ztrade.dev.emulator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.ztrade.dev.emulator.support.BasicPlatform;
import io.ztrade.dev.emulator.support.TradingRows;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/trading/**} against real PostgreSQL with V3 applied and rows written as the trading
 * loop books them. The scenario, by hand: capital 10,000.00; BUY 10 @ 150.25 filled in two parts
 * (4 + 6, commissions 0.40 + 0.60): cost basis 1,503.50 (commissions included, average 150.35);
 * SELL 4 @ 155.10 (commission 0.50): proceeds 619.90, basis released 4/10 x 1,503.50 = 601.40,
 * realised 18.50. Cash 10,000 - 1,503.50 + 619.90 = 9,116.40; 6 left with basis 902.10, marked at the
 * newest close 152.37: market value 914.22, unrealised 914.22 - 902.10 = 12.12, equity 10,030.62,
 * total P&L 30.62 = realised 18.50 + unrealised 12.12; commissions 1.50.
 */
@QuarkusTest
@TestProfile(BasicPlatform.class)
class TradingApiTest {

    @Inject
    AgroalDataSource dataSource;

    String agent;
    String idle;
    String symbol;

    @BeforeEach
    void book() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        agent = "msft-sma-" + run;
        idle = "msft-idle-" + run;
        symbol = "MSFT" + run.substring(0, 4).toUpperCase();
        Instant t0 = Instant.parse("2026-12-01T15:00:00Z");
        TradingRows rows = new TradingRows(dataSource);
        rows.agent(agent, symbol, "1Day", "sma-crossover", "10000", "RUNNING", "{\"maxDailyTrades\": 2, \"stopLoss\": 0.05}")
                .agent(idle, symbol, "1Day", "sma-crossover", "2500.5", "STOPPED", "{\"maxDailyTrades\": 5}")
                .account(agent, "9116.40", "18.50", "1.50", "10050.00", LocalDate.of(2026, 12, 2), "10040.00", 2)
                .position(agent, symbol, "6", "902.10")
                .order(agent + "-b", agent, symbol, "BUY", "150.25", "10", "10", "FILLED", t0)
                .execution("t1:" + agent + "-b", agent + "-b", agent, symbol, "BUY", "150.25", "4", "0.40", t0.plusSeconds(1))
                .execution("t2:" + agent + "-b", agent + "-b", agent, symbol, "BUY", "150.25", "6", "0.60", t0.plusSeconds(2))
                .order(agent + "-s", agent, symbol, "SELL", "155.10", "4", "4", "FILLED", t0.plusSeconds(3600))
                .execution("t3:" + agent + "-s", agent + "-s", agent, symbol, "SELL", "155.10", "4", "0.50", t0.plusSeconds(3601))
                .equity(agent, t0, "10000", "0")
                .equity(agent, t0.plusSeconds(3600), "10050.00", "0")
                .equity(agent, t0.plusSeconds(7200), "10030.62", "0.00192836")
                .audit(agent, t0, "BUY", true, null, "{\"reason\": \"SIGNAL\", \"confidence\": 0.9, \"indicators\": {\"sma10\": 150.1}}")
                .audit(agent, t0.plusSeconds(86400), "BUY", false, "daily-trade-limit",
                        "{\"reason\": \"SIGNAL\", \"refusedBy\": \"daily-trade-limit\"}")
                .bar(symbol, Instant.parse("2026-12-02T00:00:00Z"), "152.37");
    }

    @Test
    void listsEveryAgentMarkedToTheNewestCloseToTheCent() {
        JsonPath list = given().get("/api/trading/agents").then().statusCode(200).extract().jsonPath();
        Map<String, Object> a = list.getMap("find { it.id == '" + agent + "' }");
        assertThat(a).containsEntry("status", "RUNNING").containsEntry("symbol", symbol).containsEntry("capital", "10000.00")
                .containsEntry("cash", "9116.40").containsEntry("positionQuantity", "6").containsEntry("averagePrice", "150.35")
                .containsEntry("markPrice", "152.37").containsEntry("equity", "10030.62").containsEntry("realisedPnl", "18.50")
                .containsEntry("unrealisedPnl", "12.12").containsEntry("totalPnl", "30.62").containsEntry("drawdown", "0.001928")
                .containsEntry("dailyTrades", 2);
        Map<String, Object> i = list.getMap("find { it.id == '" + idle + "' }");
        assertThat(i).as("imported, never traded").containsEntry("status", "STOPPED").containsEntry("capital", "2500.50")
                .containsEntry("cash", "2500.50").containsEntry("equity", "2500.50").containsEntry("totalPnl", "0.00")
                .containsEntry("positionQuantity", "0").containsEntry("averagePrice", "0.00");
    }

    @Test
    void showsOneAgentWithSettingsPositionEquityCurveSignalsOrdersAndFills() {
        JsonPath d = given().get("/api/trading/agents/{id}", agent).then().statusCode(200).extract().jsonPath();
        assertThat(d.getString("agent.equity")).isEqualTo("10030.62");
        assertThat(d.getInt("settings.maxDailyTrades")).isEqualTo(2);
        assertThat(d.getInt("params.slow")).isEqualTo(30);
        assertThat(d.getString("sourceFile")).isEqualTo("agents/" + agent + "/context.yaml");
        assertThat(d.getMap("position")).containsEntry("quantity", "6").containsEntry("costBasis", "902.10")
                .containsEntry("marketValue", "914.22").containsEntry("unrealisedPnl", "12.12");
        assertThat(d.getList("equity.equity")).as("oldest first").containsExactly("10000.00", "10050.00", "10030.62");
        assertThat(d.getList("equity.drawdown")).containsExactly("0", "0", "0.00192836");
        assertThat(d.getList("signals.taken")).as("newest first").containsExactly(false, true);
        assertThat(d.getString("signals[0].rule")).isEqualTo("daily-trade-limit");
        assertThat(d.getString("signals[0].detail.refusedBy")).isEqualTo("daily-trade-limit");
        assertThat(d.getDouble("signals[1].detail.indicators.sma10")).isEqualTo(150.1);
        assertThat(d.getList("orders.clientOrderId")).containsExactly(agent + "-s", agent + "-b");
        assertThat(d.getList("orders[1].fills.quantity")).containsExactly("4", "6");
        assertThat(d.getList("orders[1].fills.commission")).containsExactly("0.40", "0.60");
        assertThat(d.getList("fills.executionId")).containsExactly("t3:" + agent + "-s", "t2:" + agent + "-b", "t1:" + agent + "-b");

        JsonPath few = given().queryParam("points", 2).queryParam("limit", 1).get("/api/trading/agents/{id}", agent)
                .then().statusCode(200).extract().jsonPath();
        assertThat(few.getList("equity.equity")).as("the newest points").containsExactly("10050.00", "10030.62");
        assertThat(few.getList("signals")).hasSize(1);
        assertThat(few.getList("orders")).hasSize(1);
    }

    @Test
    void listsOpenPositionsOnly() {
        List<Map<String, Object>> positions = given().get("/api/trading/positions").then().statusCode(200).extract().jsonPath()
                .getList("$");
        assertThat(positions).filteredOn(p -> agent.equals(p.get("agentId"))).singleElement().satisfies(p ->
                assertThat(p).containsEntry("symbol", symbol).containsEntry("quantity", "6").containsEntry("markPrice", "152.37")
                        .containsEntry("averagePrice", "150.35").containsEntry("unrealisedPnl", "12.12"));
        assertThat(positions).noneMatch(p -> idle.equals(p.get("agentId")));
    }

    @Test
    void reportsPnlPerAgentAndInTotal() {
        JsonPath one = given().queryParam("agent", agent).get("/api/trading/pnl").then().statusCode(200).extract().jsonPath();
        assertThat(one.getList("agents")).hasSize(1);
        assertThat(one.getMap("agents[0]")).containsEntry("agentId", agent).containsEntry("realisedPnl", "18.50")
                .containsEntry("unrealisedPnl", "12.12").containsEntry("commissions", "1.50").containsEntry("totalPnl", "30.62")
                .containsEntry("totalReturn", "0.003062");
        assertThat(one.getMap("total")).containsEntry("capital", "10000.00").containsEntry("equity", "10030.62")
                .containsEntry("totalPnl", "30.62");

        JsonPath all = given().get("/api/trading/pnl").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("agents.agentId")).contains(agent, idle);
        assertThat(all.getString("agents.find { it.agentId == '" + idle + "' }.commissions")).isEqualTo("0.00");
    }

    @Test
    void reportsRiskAgainstTheLimitsAndTheKillSwitch() throws Exception {
        JsonPath risk = given().get("/api/trading/risk").then().statusCode(200).extract().jsonPath();
        Map<String, Object> r = risk.getMap("agents.find { it.agentId == '" + agent + "' }");
        assertThat(r).containsEntry("dailyTrades", 2).containsEntry("maxDailyTrades", 2).containsEntry("dayStartEquity", "10040.00")
                .containsEntry("dailyLoss", "9.38").containsEntry("dailyLossShare", "0.000934").containsEntry("dailyLossLimit", "0.05")
                .containsEntry("drawdown", "0.001928").containsEntry("maxDrawdown", "0.2").containsEntry("halted", false)
                .containsEntry("tradingDay", "2026-12-02");
        assertThat(risk.getList("agents.find { it.agentId == '" + agent + "' }.breaches")).containsExactly("daily-trade-limit");
        assertThat(risk.getInt("portfolio.maxOpenPositions")).isEqualTo(3);
        assertThat(risk.getString("portfolio.maxDeployedShare")).isEqualTo("0.8");

        TradingRows rows = new TradingRows(dataSource);
        rows.status(idle, "ERROR", "max-drawdown: drawdown 0.21 >= 0.2");
        try {
            rows.killSwitch(true, "market closed early");
            JsonPath engaged = given().get("/api/trading/risk").then().statusCode(200).extract().jsonPath();
            assertThat(engaged.getBoolean("killSwitch.engaged")).isTrue();
            assertThat(engaged.getString("killSwitch.reason")).isEqualTo("market closed early");
            assertThat(engaged.getList("halted", String.class)).contains(agent, idle);
            assertThat(engaged.getString("agents.find { it.agentId == '" + idle + "' }.statusReason")).contains("max-drawdown");
        } finally {
            rows.killSwitch(false, null);
        }
        JsonPath released = given().get("/api/trading/risk").then().statusCode(200).extract().jsonPath();
        assertThat(released.getBoolean("killSwitch.engaged")).isFalse();
        assertThat(released.getList("halted", String.class)).contains(idle).doesNotContain(agent);
    }

    @Test
    void listsOrdersNewestFirstWithTheirFills() {
        JsonPath orders = given().queryParam("agent", agent).get("/api/trading/orders").then().statusCode(200).extract().jsonPath();
        assertThat(orders.getList("clientOrderId")).containsExactly(agent + "-s", agent + "-b");
        assertThat(orders.getMap("[0]")).containsEntry("side", "SELL").containsEntry("price", "155.10").containsEntry("quantity", "4")
                .containsEntry("filledQuantity", "4").containsEntry("status", "FILLED").containsEntry("orderId", "ob-" + agent + "-s");
        assertThat(orders.getList("[1].fills.price")).containsExactly("150.25", "150.25");
        assertThat(given().queryParam("agent", idle).get("/api/trading/orders").then().statusCode(200).extract().jsonPath()
                .getList("$")).isEmpty();
    }

    @Test
    void namesTheParameterOfBadInputAndTheUnknownAgent() {
        JsonPath missing = given().get("/api/trading/agents/{id}", "no-such-agent").then().statusCode(404).extract().jsonPath();
        assertThat(missing.getString("field")).isEqualTo("id");
        assertThat(missing.getString("error")).contains("no-such-agent");
        for (String path : List.of("/api/trading/pnl", "/api/trading/orders")) {
            JsonPath p = given().queryParam("agent", "ghost").get(path).then().statusCode(404).extract().jsonPath();
            assertThat(p.getString("field")).as(path).isEqualTo("agent");
            assertThat(p.getString("error")).as(path).contains("ghost");
            assertThat(given().get(path + "?agent=").then().statusCode(400).extract().jsonPath().getString("field"))
                    .isEqualTo("agent");
        }
        JsonPath control = given().urlEncodingEnabled(false).get("/api/trading/pnl?agent=a%00b").then().statusCode(404).extract()
                .jsonPath();
        assertThat(control.getString("field")).as("an id no agent can have is not sent to the database").isEqualTo("agent");
        given().get("/api/trading/agents/{id}", "x".repeat(65)).then().statusCode(404);
        assertThat(given().queryParam("limit", 0).get("/api/trading/orders").then().statusCode(400).extract().jsonPath()
                .getString("error")).isEqualTo("limit: must be between 1 and 1000, was 0");
        assertThat(given().queryParam("points", 10_001).get("/api/trading/agents/{id}", agent).then().statusCode(400).extract()
                .jsonPath().getString("field")).isEqualTo("points");
        assertThat(given().queryParam("limit", "many").get("/api/trading/orders").then().statusCode(400).extract().jsonPath()
                .getString("error")).isEqualTo("limit: must be a whole number between 1 and 1000, was 'many'");
    }
}
