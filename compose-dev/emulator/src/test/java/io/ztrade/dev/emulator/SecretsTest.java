package io.ztrade.dev.emulator;

import static io.restassured.RestAssured.given;
import static io.ztrade.dev.emulator.support.Api.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.ztrade.dev.emulator.support.EndToEndPlatform;
import io.ztrade.historical.HistoricalDataset;
import io.ztrade.persistence.MarketBarRepository;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Secrets stay secret through an end-to-end run: the orderbook's bearer token is handed to every
 * process, used for real writes (and wrong ones), and then searched for in every log the run wrote
 * (the platform's own and each process's), in every {@code /api} answer and in the status page. It
 * is found only in its owner-only file.
 */
@QuarkusTest
@TestProfile(EndToEndPlatform.class)
class SecretsTest {

    @Inject
    Platform platform;

    @Inject
    MarketBarRepository bars;

    @Test
    void theOrderbookTokenAppearsInNoLogNoApiAnswerAndNoPage() throws Exception {
        String token = platform.orderbookToken();
        assertThat(token).hasSizeGreaterThanOrEqualTo(24);
        Path file = platform.orderbookTokenFile();
        assertThat(Files.readString(file).strip()).isEqualTo(token);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        // the orderbook, started by the platform with the token: a write with it, one with a near miss
        URI orderbook = platform.orderbookUrl().orElseThrow(() -> new AssertionError("the orderbook is not running"));
        await().atMost(Duration.ofSeconds(120)).until(() -> given().baseUri(orderbook.toString()).get("/q/health/ready")
                .statusCode() == 200);
        String order = """
                {"clientOrderId":"%s","accountId":"acct-secrets","symbol":"AAPL","side":"BUY","type":"LIMIT",
                 "timeInForce":"IOC","postOnly":false,"price":"80.00","quantity":"1"}""";
        given().baseUri(orderbook.toString()).header("Authorization", "Bearer " + token).contentType("application/json")
                .body(order.formatted(newId("secret-ok"))).post("/api/v1/orders").then().statusCode(200);
        String wrong = given().baseUri(orderbook.toString()).header("Authorization", "Bearer " + token + "x")
                .contentType("application/json").body(order.formatted(newId("secret-bad"))).post("/api/v1/orders")
                .then().statusCode(403).extract().asString();
        assertThat(wrong).doesNotContain(token);

        // a function process too: a backtest through the broker
        HistoricalDataset d = HistoricalDataset.AAPL_DAILY;
        QuarkusTransaction.requiringNew().run(() -> bars.upsert(d.instrument().symbol(), d.timeframe(), d.bars(),
                "ta4j-examples:" + d.name()));
        String id = newId("secrets-backtest");
        given().header("ce-specversion", "1.0").header("ce-id", id).header("ce-source", "/ztrade/cli")
                .header("ce-type", "io.ztrade.backtest.requested").contentType("application/json")
                .body(BacktestEndToEndTest.REQUEST).post("/ztrade/default").then().statusCode(202);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() ->
                given().get("/api/jobs?limit=50").then().extract().jsonPath().<Map<String, Object>>getList("$").stream()
                        .anyMatch(j -> id.equals(j.get("eventId")) && "SUCCEEDED".equals(j.get("status"))));

        List<String> searched = new ArrayList<>();
        for (String path : List.of("/api/platform", "/api/brokers", "/api/triggers", "/api/services", "/api/sources",
                "/api/events?limit=500", "/api/deadletters", "/api/jobs", "/api/events/" + id, "/", "/status.js")) {
            String body = given().get(path).then().statusCode(200).extract().asString();
            assertThat(body).as("GET %s", path).doesNotContain(token);
            searched.add(path);
        }
        List<Path> logs = new ArrayList<>();
        for (Path dir : List.of(Path.of("target/serving-logs"), Path.of("target/e2e-logs"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(Files::isRegularFile).forEach(logs::add);
            }
        }
        assertThat(logs).as("the logs of the run").anyMatch(p -> p.getFileName().toString().startsWith("orderbook"))
                .anyMatch(p -> p.getFileName().toString().startsWith("backtest"))
                .anyMatch(p -> p.getFileName().toString().equals("emulator.log"));
        for (Path log : logs) {
            String text = read(log);
            assertThat(text).as("log %s", log).isNotEmpty().doesNotContain(token);
        }
        assertThat(searched).hasSizeGreaterThan(5);
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
