package io.ztrade.backtest;

import static io.ztrade.backtest.Events.AAPL_2013;
import static io.ztrade.backtest.Events.newId;
import static io.ztrade.backtest.Events.postBinary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.ztrade.events.EventSources;
import io.ztrade.events.EventTypes;
import io.ztrade.infra.PostgresResource;
import org.junit.jupiter.api.Test;

/**
 * The function's HTTP contract, asserted through HTTP only, so that {@link BacktestHttpContractIT}
 * reruns it against the packaged artifact.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class BacktestHttpContractTest {

    private static final String SOURCE = "/tests/contract";

    @Test
    void shouldReplyCompletedToABinaryEvent() {
        postBinary(EventTypes.BACKTEST_REQUESTED, SOURCE, newId(), AAPL_2013)
                .then().statusCode(200)
                .header("ce-type", EventTypes.BACKTEST_COMPLETED)
                .header("ce-source", EventSources.BACKTEST_FUNCTION)
                .header("ce-id", notNullValue())
                .body("bars", equalTo(252))
                .body("metrics.trades", greaterThan(0))
                .body("request.symbol", equalTo("AAPL"));
    }

    @Test
    void shouldReplayTheSameReplyToARedeliveredEvent() {
        String id = newId();
        Response first = postBinary(EventTypes.BACKTEST_REQUESTED, SOURCE, id, AAPL_2013).then().statusCode(200).extract().response();
        Response again = postBinary(EventTypes.BACKTEST_REQUESTED, SOURCE, id, AAPL_2013).then().statusCode(200).extract().response();
        assertThat(again.header("ce-id")).isEqualTo(first.header("ce-id"));
        assertThat(again.jsonPath().getString("runId")).isEqualTo(first.jsonPath().getString("runId"));
    }

    @Test
    void shouldAnswer400NamingTheFieldForBadData() {
        postBinary(EventTypes.BACKTEST_REQUESTED, SOURCE, newId(), AAPL_2013.replace("\"initialCapital\":10000", "\"initialCapital\":-1"))
                .then().statusCode(400).body("field", equalTo("initialCapital"));
    }

    @Test
    void shouldAnswer400ForAnUnknownType() {
        postBinary("io.ztrade.unknown", SOURCE, newId(), AAPL_2013).then().statusCode(400).body("field", equalTo("type"));
    }

    @Test
    void shouldCountJobsByOutcomeAndTimeThem() {
        double succeeded = metric("ztrade_jobs_total", "outcome=\"succeeded\"");
        double replayed = metric("ztrade_jobs_total", "outcome=\"replayed\"");
        double timed = metric("ztrade_job_duration_seconds_count", "outcome=\"succeeded\"");
        String id = newId();
        postBinary(EventTypes.BACKTEST_REQUESTED, SOURCE, id, AAPL_2013).then().statusCode(200);
        postBinary(EventTypes.BACKTEST_REQUESTED, SOURCE, id, AAPL_2013).then().statusCode(200);
        assertThat(metric("ztrade_jobs_total", "outcome=\"succeeded\"")).isEqualTo(succeeded + 1);
        assertThat(metric("ztrade_jobs_total", "outcome=\"replayed\"")).isEqualTo(replayed + 1);
        assertThat(metric("ztrade_job_duration_seconds_count", "outcome=\"succeeded\"")).isEqualTo(timed + 1);
    }

    /** The sum of a metric's series for backtest.requested jobs of this function whose labels contain {@code label}. */
    private static double metric(String name, String label) {
        String text = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(l -> l.startsWith(name + "{") && l.contains(label) && l.contains("function=\"backtest\"")
                        && l.contains("type=\"" + EventTypes.BACKTEST_REQUESTED + "\""))
                // "name{labels} value", or with an exemplar (OpenTelemetry's trace of the last sample): "... value # {...} v t"
                .map(l -> l.contains(" # ") ? l.substring(0, l.indexOf(" # ")) : l)
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void shouldBeReadyWhenItServes() {
        io.restassured.RestAssured.get("/q/health/ready").then().statusCode(200);
    }
}
