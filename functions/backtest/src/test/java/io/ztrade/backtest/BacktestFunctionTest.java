package io.ztrade.backtest;

import static io.ztrade.backtest.Events.AAPL_2013;
import static io.ztrade.backtest.Events.newId;
import static io.ztrade.backtest.Events.postBinary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.ztrade.domain.backtest.BacktestConfig;
import io.ztrade.domain.backtest.BacktestEngine;
import io.ztrade.domain.backtest.BacktestResult;
import io.ztrade.domain.strategy.Strategies;
import io.ztrade.events.EventCodec;
import io.ztrade.events.EventSources;
import io.ztrade.events.EventTypes;
import io.ztrade.events.payload.BacktestMetrics;
import io.ztrade.historical.HistoricalDataset;
import io.ztrade.infra.PostgresResource;
import io.ztrade.persistence.BacktestRunEntity;
import io.ztrade.persistence.BacktestTradeEntity;
import io.ztrade.persistence.JobRunEntity;
import io.ztrade.persistence.JobStatus;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class BacktestFunctionTest {

    private static final String SOURCE = "/tests/backtest-function";

    private static JsonNode json(Response r) throws Exception {
        return EventCodec.mapper().readTree(r.asByteArray());
    }

    @Test
    void shouldRunABinaryModeRequestAndReplyCompletedWithTheRunStored() throws Exception {
        String id = newId();
        Response r = postBinary(EventTypes.BACKTEST_REQUESTED, SOURCE, id, AAPL_2013);
        r.then().statusCode(200)
                .header("ce-type", EventTypes.BACKTEST_COMPLETED)
                .header("ce-source", EventSources.BACKTEST_FUNCTION)
                .header("ce-id", notNullValue())
                .header("ce-specversion", "1.0");
        assertThat(r.asString()).as("money as plain decimals").contains("\"initialCapital\":10000,");
        JsonNode body = json(r);
        UUID runId = UUID.fromString(body.get("runId").asText());
        assertThat(body.get("request").get("strategy").asText()).isEqualTo("sma-crossover");
        assertThat(body.get("bars").asInt()).isEqualTo(252);
        JsonNode metrics = body.get("metrics");
        for (String m : List.of("totalReturn", "cagr", "sharpe", "sortino", "maxDrawdown", "winRate", "trades",
                "profitFactor", "exposure", "commissions", "finalEquity")) {
            assertThat(metrics.has(m)).as(m).isTrue();
        }

        QuarkusTransaction.requiringNew().run(() -> {
            BacktestRunEntity run = BacktestRunEntity.findById(runId);
            assertThat(run).isNotNull();
            assertThat(run.symbol).isEqualTo("AAPL");
            assertThat(run.bars).isEqualTo(252);
            assertThat(run.finalEquity).isEqualByComparingTo(metrics.get("finalEquity").decimalValue());
            List<BacktestTradeEntity> trades = BacktestTradeEntity.ofRun(runId);
            assertThat(trades).hasSize(body.get("fills").asInt()).isNotEmpty();
            assertThat(trades.get(0).side).isEqualTo("BUY");
            assertThat(trades.get(0).price.stripTrailingZeros().scale()).as("price on the 0.01 tick grid").isLessThanOrEqualTo(2);
            JobRunEntity job = JobRunEntity.findByEvent(SOURCE, id);
            assertThat(job.status).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(job.function).isEqualTo("backtest");
            assertThat(job.attempts).isEqualTo(1);
            assertThat(job.finishedAt).isNotNull();
            assertThat(run.jobRunId).isEqualTo(job.id);
        });
    }

    @Test
    void shouldReportTheSameMetricsAsTheEngineOnTheShippedData() throws Exception {
        Response r = postBinary(EventTypes.BACKTEST_REQUESTED, SOURCE, newId(), AAPL_2013).then().statusCode(200).extract().response();
        BacktestMetrics reported = EventCodec.mapper().treeToValue(json(r).get("metrics"), BacktestMetrics.class);

        BacktestResult direct = new BacktestEngine().run(HistoricalDataset.AAPL_DAILY.series(),
                Strategies.create("sma-crossover", Map.of("fast", 10, "slow", 30)), new BacktestConfig(10000, 1, 0, 5, 0.02));
        BacktestMetrics expected = BacktestService.reported(direct.metrics(), HistoricalDataset.AAPL_DAILY.instrument());
        assertThat(reported.trades()).isEqualTo(expected.trades()).isPositive();
        assertThat(reported.finalEquity()).isEqualByComparingTo(expected.finalEquity());
        assertThat(reported.commissions()).isEqualByComparingTo(expected.commissions());
        assertThat(reported.totalReturn()).isCloseTo(expected.totalReturn(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(reported.sharpe()).isCloseTo(expected.sharpe(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(reported.maxDrawdown()).isCloseTo(expected.maxDrawdown(), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void shouldAnswerAStructuredModeRequestInStructuredMode() throws Exception {
        Map<String, Object> envelope = new HashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", newId());
        envelope.put("source", SOURCE);
        envelope.put("type", EventTypes.BACKTEST_REQUESTED);
        envelope.put("datacontenttype", "application/json");
        envelope.put("data", EventCodec.mapper().readTree(AAPL_2013));
        Response r = Events.postStructured(envelope);
        r.then().statusCode(200).contentType(containsString("application/cloudevents+json"))
                .body("type", equalTo(EventTypes.BACKTEST_COMPLETED))
                .body("source", equalTo(EventSources.BACKTEST_FUNCTION))
                .body("id", notNullValue())
                .body("data.bars", equalTo(252));
    }

    @Test
    void shouldNotRunARedeliveredEventTwice() throws Exception {
        String id = newId();
        Response first = postBinary(EventTypes.BACKTEST_REQUESTED, SOURCE, id, AAPL_2013).then().statusCode(200).extract().response();
        long runsAfterFirst = QuarkusTransaction.requiringNew().call(() -> BacktestRunEntity.count());
        Response second = postBinary(EventTypes.BACKTEST_REQUESTED, SOURCE, id, AAPL_2013).then().statusCode(200).extract().response();

        assertThat(second.header("ce-id")).isEqualTo(first.header("ce-id"));
        assertThat(second.header("ce-type")).isEqualTo(EventTypes.BACKTEST_COMPLETED);
        assertThat(json(second).get("runId").asText()).isEqualTo(json(first).get("runId").asText());
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(BacktestRunEntity.count()).isEqualTo(runsAfterFirst);
            assertThat(JobRunEntity.findByEvent(SOURCE, id).attempts).isEqualTo(1);
        });
    }

    @Test
    void shouldTreatTheSameIdFromAnotherSourceAsANewEvent() throws Exception {
        String id = newId();
        Response a = postBinary(EventTypes.BACKTEST_REQUESTED, SOURCE, id, AAPL_2013).then().statusCode(200).extract().response();
        Response b = postBinary(EventTypes.BACKTEST_REQUESTED, SOURCE + "/other", id, AAPL_2013).then().statusCode(200).extract().response();
        assertThat(json(b).get("runId").asText()).isNotEqualTo(json(a).get("runId").asText());
    }

    @Test
    void shouldReplyFailedForAnUnknownSymbolAndStoreNoRun() throws Exception {
        String id = newId();
        long runsBefore = QuarkusTransaction.requiringNew().call(() -> BacktestRunEntity.count());
        Response r = postBinary(EventTypes.BACKTEST_REQUESTED, SOURCE, id, AAPL_2013.replace("\"AAPL\"", "\"TSLA\""));
        r.then().statusCode(200).header("ce-type", EventTypes.BACKTEST_FAILED);
        assertThat(json(r).get("code").asText()).isEqualTo("UNKNOWN_SYMBOL");
        assertThat(json(r).get("reason").asText()).contains("TSLA");
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(BacktestRunEntity.count()).isEqualTo(runsBefore);
            JobRunEntity job = JobRunEntity.findByEvent(SOURCE, id);
            assertThat(job.status).isEqualTo(JobStatus.FAILED);
            assertThat(job.error).contains("TSLA");
        });
        // a redelivery replays the failure instead of running again
        Response again = postBinary(EventTypes.BACKTEST_REQUESTED, SOURCE, id, AAPL_2013.replace("\"AAPL\"", "\"TSLA\""));
        again.then().statusCode(200).header("ce-type", EventTypes.BACKTEST_FAILED).header("ce-id", r.header("ce-id"));
        QuarkusTransaction.requiringNew().run(() -> assertThat(JobRunEntity.findByEvent(SOURCE, id).attempts).isEqualTo(1));
    }

    @Test
    void shouldReplyFailedWhenNoBarsAreInRange() throws Exception {
        String request = AAPL_2013.replace("2013-01-01T00:00:00Z", "2020-01-01T00:00:00Z")
                .replace("2014-01-01T00:00:00Z", "2021-01-01T00:00:00Z");
        Response r = postBinary(EventTypes.BACKTEST_REQUESTED, SOURCE, newId(), request);
        r.then().statusCode(200).header("ce-type", EventTypes.BACKTEST_FAILED);
        assertThat(json(r).get("code").asText()).isEqualTo("NO_BARS");
    }

    @Test
    void shouldBacktestIntradayCryptoFromAggregatedTrades() throws Exception {
        String request = """
                {"strategy":"momentum","params":{"period":12,"threshold":0.002},"symbol":"BTC-USD","timeframe":"1Hour",
                 "from":"2013-11-01T00:00:00Z","to":"2014-01-01T00:00:00Z","initialCapital":5000,"commissionBps":10}""";
        Response r = postBinary(EventTypes.BACKTEST_REQUESTED, SOURCE, newId(), request);
        r.then().statusCode(200).header("ce-type", EventTypes.BACKTEST_COMPLETED);
        assertThat(json(r).get("bars").asInt()).isGreaterThan(12);
        assertThat(new BigDecimal(json(r).get("metrics").get("finalEquity").asText()).scale()).isLessThanOrEqualTo(2);
    }
}
