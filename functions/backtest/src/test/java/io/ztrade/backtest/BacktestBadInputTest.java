package io.ztrade.backtest;

import static io.restassured.RestAssured.given;
import static io.ztrade.backtest.Events.AAPL_2013;
import static io.ztrade.backtest.Events.newId;
import static io.ztrade.backtest.Events.postBinary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.ztrade.events.EventTypes;
import io.ztrade.infra.PostgresResource;
import io.ztrade.persistence.BacktestRunEntity;
import io.ztrade.persistence.BacktestSweepEntity;
import io.ztrade.persistence.JobRunEntity;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of bad input is answered 400 naming the field, and stores nothing. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class BacktestBadInputTest {

    private static final String SOURCE = "/tests/bad-input";
    private long jobsBefore;
    private long runsBefore;
    private long sweepsBefore;

    @BeforeEach
    void countRows() {
        QuarkusTransaction.requiringNew().run(() -> {
            jobsBefore = JobRunEntity.count();
            runsBefore = BacktestRunEntity.count();
            sweepsBefore = BacktestSweepEntity.count();
        });
    }

    @AfterEach
    void nothingWasStored() {
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(JobRunEntity.count()).as("job_run rows").isEqualTo(jobsBefore);
            assertThat(BacktestRunEntity.count()).as("backtest_run rows").isEqualTo(runsBefore);
            assertThat(BacktestSweepEntity.count()).as("backtest_sweep rows").isEqualTo(sweepsBefore);
        });
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("missing strategy", AAPL_2013.replace("\"strategy\":\"sma-crossover\",", ""), "strategy"),
                Arguments.of("blank symbol", AAPL_2013.replace("\"AAPL\"", "\"  \""), "symbol"),
                Arguments.of("missing timeframe", AAPL_2013.replace("\"timeframe\":\"1Day\",", ""), "timeframe"),
                Arguments.of("unknown timeframe", AAPL_2013.replace("\"1Day\"", "\"1Fortnight\""), "timeframe"),
                Arguments.of("unknown strategy", AAPL_2013.replace("\"sma-crossover\"", "\"astrology\""), "strategy"),
                Arguments.of("fast not below slow", AAPL_2013.replace("\"fast\":10", "\"fast\":50"), "params.fast"),
                Arguments.of("fractional period", AAPL_2013.replace("\"fast\":10", "\"fast\":2.5"), "params.fast"),
                Arguments.of("string parameter", AAPL_2013.replace("\"fast\":10", "\"fast\":\"ten\""), "params.fast"),
                Arguments.of("unknown parameter", AAPL_2013.replace("\"fast\":10", "\"quick\":10"), "params.quick"),
                Arguments.of("from after to", AAPL_2013.replace("2013-01-01T00:00:00Z", "2015-01-01T00:00:00Z"), "from"),
                Arguments.of("unparseable from", AAPL_2013.replace("2013-01-01T00:00:00Z", "1 Jan 2013"), "from"),
                Arguments.of("missing to", AAPL_2013.replace("\"to\":\"2014-01-01T00:00:00Z\",", ""), "to"),
                Arguments.of("negative capital", AAPL_2013.replace("\"initialCapital\":10000", "\"initialCapital\":-10000"), "initialCapital"),
                Arguments.of("zero capital", AAPL_2013.replace("\"initialCapital\":10000", "\"initialCapital\":0"), "initialCapital"),
                Arguments.of("negative commission", AAPL_2013.replace("\"commissionPerTrade\":1", "\"commissionPerTrade\":-1"), "commissionPerTrade"),
                Arguments.of("negative slippage", AAPL_2013.replace("\"slippageBps\":5", "\"slippageBps\":-5"), "slippageBps"),
                Arguments.of("unknown field", AAPL_2013.replace("\"symbol\"", "\"leverage\":3,\"symbol\""), "leverage"),
                Arguments.of("malformed JSON", AAPL_2013.substring(0, 40), "data"),
                Arguments.of("JSON array", "[1,2,3]", "data"),
                Arguments.of("unknown sweep", AAPL_2013.replace("\"symbol\"", "\"sweepId\":\"6a9b6f0e-3c1d-4c8e-9a55-111111111111\",\"sweepIndex\":0,\"symbol\""), "sweepId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void shouldAnswer400NamingTheFieldAndStoreNothing(String name, String data, String field) {
        postBinary(EventTypes.BACKTEST_REQUESTED, SOURCE, newId(), data)
                .then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", equalTo("invalid event"))
                .body("field", equalTo(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "source", "type", "specversion"})
    void shouldAnswer400ForABinaryEventMissingARequiredAttribute(String attribute) {
        var request = given().contentType(ContentType.JSON);
        Map<String, String> headers = new java.util.HashMap<>(Map.of("ce-specversion", "1.0", "ce-id", newId(),
                "ce-source", SOURCE, "ce-type", EventTypes.BACKTEST_REQUESTED));
        headers.remove("ce-" + attribute);
        headers.forEach(request::header);
        request.body(AAPL_2013).post("/").then().statusCode(400).body("field", equalTo(attribute));
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "source", "type", "specversion"})
    void shouldAnswer400ForAStructuredEventMissingARequiredAttribute(String attribute) throws Exception {
        Map<String, Object> envelope = new java.util.HashMap<>(Map.of("specversion", "1.0", "id", newId(), "source", SOURCE,
                "type", EventTypes.BACKTEST_REQUESTED, "datacontenttype", "application/json",
                "data", io.ztrade.events.EventCodec.mapper().readTree(AAPL_2013)));
        envelope.remove(attribute);
        Events.postStructured(envelope).then().statusCode(400).body("field", equalTo(attribute));
    }

    @Test
    void shouldAnswer400ForAnUnknownEventType() {
        postBinary("io.ztrade.backtest.exploded", SOURCE, newId(), AAPL_2013)
                .then().statusCode(400).body("field", equalTo("type")).body("message", containsString("io.ztrade.backtest.requested"));
    }

    @Test
    void shouldAnswer400ForACatalogTypeThisFunctionDoesNotTake() {
        postBinary(EventTypes.TRADING_TICK, SOURCE, newId(), "{}").then().statusCode(400).body("field", equalTo("type"));
    }

    @Test
    void shouldAnswer400ForMalformedStructuredJson() {
        given().contentType("application/cloudevents+json").body("{\"specversion\":\"1.0\",").post("/")
                .then().statusCode(400).body("field", equalTo("event"));
    }

    @Test
    void shouldAnswer400ForAnEventWithoutData() {
        Events.binary(EventTypes.BACKTEST_REQUESTED, SOURCE, newId()).post("/").then().statusCode(400).body("field", equalTo("data"));
    }

    @Test
    void shouldAnswer400ForASweepWithoutAValidCombination() {
        String sweep = """
                {"strategy":"sma-crossover","grid":{"fast":[40,50],"slow":[20,30]},"symbol":"AAPL","timeframe":"1Day",
                 "from":"2013-01-01T00:00:00Z","to":"2014-01-01T00:00:00Z","initialCapital":10000}""";
        postBinary(EventTypes.BACKTEST_SWEEP_REQUESTED, SOURCE, newId(), sweep).then().statusCode(400).body("field", equalTo("grid"));
    }
}
