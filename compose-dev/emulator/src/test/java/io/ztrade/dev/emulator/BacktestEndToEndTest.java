package io.ztrade.dev.emulator;

import static io.restassured.RestAssured.given;
import static io.ztrade.dev.emulator.support.Api.event;
import static io.ztrade.dev.emulator.support.Api.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.ztrade.dev.emulator.support.EndToEndPlatform;
import io.ztrade.historical.HistoricalDataset;
import io.ztrade.persistence.MarketBarRepository;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The platform as {@code ./ztrade up} runs it, started from the test: the repository's manifests,
 * the backtest function scaled from zero as a local process, real Kafka and PostgreSQL. An event in
 * at the broker; the reply and the database state checked.
 */
@QuarkusTest
@TestProfile(EndToEndPlatform.class)
class BacktestEndToEndTest {

    static final String REQUEST = """
            {"strategy":"sma-crossover","params":{"fast":10,"slow":30},"symbol":"AAPL","timeframe":"1Day",
             "from":"2013-01-01T00:00:00Z","to":"2014-01-01T00:00:00Z","initialCapital":10000,
             "commissionPerTrade":1,"commissionBps":0,"slippageBps":5}""";

    @Inject
    MarketBarRepository bars;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void loadAaplDailyBars() {
        HistoricalDataset d = HistoricalDataset.AAPL_DAILY;
        QuarkusTransaction.requiringNew().run(() -> bars.upsert(d.instrument().symbol(), d.timeframe(), d.bars(), "ta4j-examples:" + d.name()));
    }

    @Test
    void aBacktestRequestedAtTheBrokerComesBackAsCompletedAndIsStoredInPostgres() throws Exception {
        String id = newId("e2e-backtest");
        given().header("ce-specversion", "1.0").header("ce-id", id).header("ce-source", "/ztrade/cli")
                .header("ce-type", "io.ztrade.backtest.requested").contentType("application/json").body(REQUEST)
                .post("/ztrade/default").then().statusCode(202);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> event(id).getList("replyChain.type").contains("io.ztrade.backtest.completed"));
        JsonPath e = event(id);
        assertThat(e.getString("event.deliveries[0].trigger")).isEqualTo("backtest-backtest-requested");
        assertThat(e.getString("event.deliveries[0].status")).isEqualTo("delivered");
        assertThat(e.getInt("event.deliveries[0].attempts[-1].statusCode")).isEqualTo(200);
        Map<String, Object> completed = e.getMap("replyChain[0].data");
        String runId = String.valueOf(completed.get("runId"));

        try (Connection c = dataSource.getConnection()) {
            assertThat(single(c, "select status from job_run where event_source = '/ztrade/cli' and event_id = ?", id)).isEqualTo("SUCCEEDED");
            assertThat(single(c, "select symbol from backtest_run where id = ?::uuid", runId)).isEqualTo("AAPL");
        }
        given().get("/api/jobs").then().statusCode(200);
        List<Map<String, Object>> services = given().get("/api/services").then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> backtest = services.stream().filter(s -> "backtest".equals(s.get("name"))).findFirst().orElseThrow();
        assertThat((List<?>) backtest.get("coldStartsMillis")).as("scaled from zero for the request").isNotEmpty();
        // the replica's Prometheus endpoint (linked from the status page) counts the job
        List<?> urls = (List<?>) backtest.get("urls");
        assertThat(urls).as("the replica is still up (scale-to-zero retention)").isNotEmpty();
        String metrics = given().get(urls.get(0) + "/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("ztrade_jobs_total{").contains("outcome=\"succeeded\"").contains("ztrade_job_duration_seconds_count{");
    }

    @Test
    void aSweepFansOutThroughTheBrokerAndAnnouncesItsCompletion() {
        String id = newId("e2e-sweep");
        String marker = "10000.37";
        given().header("ce-specversion", "1.0").header("ce-id", id).header("ce-source", "/ztrade/cli")
                .header("ce-type", "io.ztrade.backtest.sweep.requested").contentType("application/json")
                .body("""
                        {"strategy":"sma-crossover","grid":{"fast":[5,10],"slow":[30]},"metric":"sharpe","top":2,
                         "symbol":"AAPL","timeframe":"1Day","from":"2013-01-01T00:00:00Z","to":"2014-01-01T00:00:00Z",
                         "initialCapital":%s}""".formatted(marker))
                .post("/ztrade/default").then().statusCode(202);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> given()
                .queryParam("type", "io.ztrade.backtest.sweep.completed").get("/api/events").then().extract().jsonPath()
                .getList("events.data.request.initialCapital").stream().anyMatch(v -> String.valueOf(v).equals(marker)));
        JsonPath done = given().queryParam("type", "io.ztrade.backtest.sweep.completed").get("/api/events").then().extract().jsonPath();
        int i = done.getList("events.data.request.initialCapital").stream().map(String::valueOf).toList().indexOf(marker);
        assertThat(done.getInt("events[" + i + "].data.total")).isEqualTo(2);
        assertThat(done.getInt("events[" + i + "].data.succeeded")).isEqualTo(2);
        // the fan-out came in through the broker ingress (K_SINK), one backtest.requested per combination
        List<String> sources = given().queryParam("type", "io.ztrade.backtest.requested").get("/api/events").then().extract().jsonPath()
                .getList("events.source");
        assertThat(sources).filteredOn(s -> s.startsWith("/ztrade/functions/backtest")).hasSizeGreaterThanOrEqualTo(2);
    }

    static String single(Connection c, String sql, String arg) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as(sql + " [" + arg + "]").isTrue();
                return rs.getString(1);
            }
        }
    }
}
