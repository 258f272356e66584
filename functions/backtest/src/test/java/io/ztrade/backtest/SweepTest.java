package io.ztrade.backtest;

import static io.ztrade.backtest.Events.newId;
import static io.ztrade.backtest.Events.postBinary;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztrade.events.EventCodec;
import io.ztrade.events.EventTypes;
import io.ztrade.infra.PostgresResource;
import io.ztrade.persistence.BacktestRunEntity;
import io.ztrade.persistence.BacktestSweepEntity;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(RecordingBroker.class)
class SweepTest {

    private static final String SWEEP = """
            {"strategy":"sma-crossover","grid":{"fast":[5,10,60],"slow":[20,50]},"symbol":"AAPL","timeframe":"1Day",
             "from":"2013-01-01T00:00:00Z","to":"2014-01-01T00:00:00Z","initialCapital":10000,"slippageBps":2,
             "metric":"sharpe","top":3}""";

    @TestHTTPResource("/")
    URL function;

    private static List<CloudEvent> received(String type, String subject) {
        return RecordingBroker.RECEIVED.stream()
                .filter(e -> e.getType().equals(type) && subject.equals(e.getSubject()))
                .toList();
    }

    @Test
    void shouldFanOutEveryValidCombinationAndCompleteOnceWithTheBestRuns() throws Exception {
        RecordingBroker.functionUrl = URI.create(function.toString());
        String id = newId();
        postBinary(EventTypes.BACKTEST_SWEEP_REQUESTED, "/tests/sweeps", id, SWEEP).then().statusCode(204);

        UUID sweepId = io.ztrade.events.payload.SweepRequest.sweepId("/tests/sweeps", id);
        long deadline = System.currentTimeMillis() + 120_000;
        while (received(EventTypes.BACKTEST_SWEEP_COMPLETED, sweepId.toString()).isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(1000); // let racing duplicate deliveries settle

        // (5,20) (5,50) (10,20) (10,50) run; (60,20) and (60,50) have fast >= slow and are skipped
        List<CloudEvent> fanOut = received(EventTypes.BACKTEST_REQUESTED, sweepId.toString());
        assertThat(fanOut).hasSize(4);
        assertThat(fanOut).extracting(CloudEvent::getId).doesNotHaveDuplicates();

        List<CloudEvent> completed = received(EventTypes.BACKTEST_SWEEP_COMPLETED, sweepId.toString());
        assertThat(completed).as("sweep.completed events").hasSize(1);
        JsonNode data = EventCodec.mapper().readTree(completed.get(0).getData().toBytes());
        assertThat(data.get("total").asInt()).isEqualTo(4);
        assertThat(data.get("succeeded").asInt()).isEqualTo(4);
        assertThat(data.get("failed").asInt()).isZero();
        assertThat(data.get("skipped").asInt()).isEqualTo(2);
        assertThat(data.get("metric").asText()).isEqualTo("sharpe");

        List<Double> topSharpes = new ArrayList<>();
        data.get("top").forEach(t -> topSharpes.add(t.get("metrics").get("sharpe").asDouble()));
        assertThat(topSharpes).hasSize(3).isSortedAccordingTo(Comparator.reverseOrder());

        QuarkusTransaction.requiringNew().run(() -> {
            BacktestSweepEntity sweep = BacktestSweepEntity.findById(sweepId);
            assertThat(sweep.done).isEqualTo(4);
            assertThat(sweep.status).isEqualTo("COMPLETED");
            assertThat(sweep.announcedAt).isNotNull();
            List<BacktestRunEntity> runs = BacktestRunEntity.ofSweep(sweepId);
            assertThat(runs).as("one run per member despite duplicate deliveries").hasSize(4);
            assertThat(runs).extracting(r -> r.sweepIndex).containsExactlyInAnyOrder(0, 1, 2, 3);
            List<Double> best = runs.stream().map(r -> r.sharpe).sorted(Comparator.reverseOrder()).limit(3).toList();
            assertThat(topSharpes).isEqualTo(best);
        });
    }

    @Test
    void shouldPlanTheSameSweepWhenTheRequestIsRedelivered() {
        RecordingBroker.functionUrl = null; // only record the fan-out
        String id = newId();
        String small = SWEEP.replace("\"fast\":[5,10,60]", "\"fast\":[7]").replace("\"top\":3", "\"top\":2");
        postBinary(EventTypes.BACKTEST_SWEEP_REQUESTED, "/tests/sweeps-redelivered", id, small).then().statusCode(204);
        long before = RecordingBroker.RECEIVED.size();
        postBinary(EventTypes.BACKTEST_SWEEP_REQUESTED, "/tests/sweeps-redelivered", id, small).then().statusCode(204);
        assertThat(RecordingBroker.RECEIVED.size()).as("a replayed request fans out nothing new").isEqualTo(before);
        UUID sweepId = io.ztrade.events.payload.SweepRequest.sweepId("/tests/sweeps-redelivered", id);
        assertThat(received(EventTypes.BACKTEST_REQUESTED, sweepId.toString())).hasSize(2);
        QuarkusTransaction.requiringNew().run(() -> assertThat(BacktestSweepEntity.<BacktestSweepEntity>findById(sweepId).total).isEqualTo(2));
    }

    @Test
    void shouldRunTheNightlySweepPingAsASweepRequest() throws Exception {
        RecordingBroker.functionUrl = null; // only record the fan-out
        String id = newId();
        String source = "/apis/v1/namespaces/ztrade/pingsources/backtest-nightly-sweep-aapl";
        String ping = SWEEP.replace("\"fast\":[5,10,60]", "\"fast\":[5,10]");
        postBinary(BacktestFunction.PING, source, id, ping).then().statusCode(204);

        UUID sweepId = io.ztrade.events.payload.SweepRequest.sweepId(source, id);
        assertThat(received(EventTypes.BACKTEST_REQUESTED, sweepId.toString())).as("(5,20) (5,50) (10,20) (10,50)").hasSize(4);
        QuarkusTransaction.requiringNew().run(() -> assertThat(BacktestSweepEntity.<BacktestSweepEntity>findById(sweepId).total).isEqualTo(4));

        postBinary(BacktestFunction.PING, source, newId(), "{\"strategy\":\"sma-crossover\"}").then().statusCode(400);
    }
}
