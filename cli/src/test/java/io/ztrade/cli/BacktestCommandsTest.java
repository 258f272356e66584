package io.ztrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ztrade.events.EventCodec;
import io.ztrade.events.EventSources;
import io.ztrade.events.EventTypes;
import io.ztrade.events.payload.BacktestCompleted;
import io.ztrade.events.payload.BacktestFailed;
import io.ztrade.events.payload.BacktestMetrics;
import io.ztrade.events.payload.BacktestRequest;
import io.ztrade.events.payload.SweepCompleted;
import io.ztrade.events.payload.SweepRequest;
import io.ztrade.events.payload.SweepResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BacktestCommandsTest {

    private static final BacktestMetrics METRICS = new BacktestMetrics(0.0412, 0.0415, 0.42, 0.61, 0.12, 0.5, 4, 1.3, 0.55,
            new BigDecimal("8.00"), new BigDecimal("10412.13"));

    private FakePlatform platform;

    @BeforeEach
    void start() throws IOException {
        platform = new FakePlatform();
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    private String[] run(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("backtest", "run", "--broker", platform.broker().toString(),
                "--strategy", "sma-crossover", "--symbol", "AAPL", "--from", "2013-01-01", "--to", "2014-01-01",
                "--param", "fast=10", "--param", "slow=30", "--capital", "10000", "--commission", "1", "--slippage-bps", "5"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** Answers /api/events/{id} of whatever was emitted with a reply of {@code type} carrying {@code data}. */
    private void replyWith(String type, java.util.function.Function<BacktestRequest, Object> data) {
        platform.api(r -> {
            String id = platform.posts().get(0).headers().get("ce-id");
            BacktestRequest request = EventCodec.decode(platform.posts().get(0).body(), BacktestRequest.class);
            ObjectNode event = FakePlatform.event(1, id, EventSources.CLI, EventTypes.BACKTEST_REQUESTED, request, "delivered");
            ObjectNode reply = FakePlatform.event(2, "reply-" + id, EventSources.BACKTEST_FUNCTION, type, data.apply(request), "delivered");
            return FakePlatform.Response.json(200, FakePlatform.withReplies(event, reply));
        });
    }

    @Test
    void runEmitsABacktestRequestAndPrintsTheMetricsOfItsCompletion() {
        UUID runId = UUID.randomUUID();
        replyWith(EventTypes.BACKTEST_COMPLETED, request -> new BacktestCompleted(runId, request, 252, 8, METRICS));

        Run run = Run.of(run());

        assertThat(run.exitCode()).as(run.err()).isZero();
        FakePlatform.Request sent = platform.posts().get(0);
        assertThat(sent.headers()).containsEntry("ce-type", EventTypes.BACKTEST_REQUESTED).containsEntry("ce-source", EventSources.CLI);
        BacktestRequest request = EventCodec.decode(sent.body(), BacktestRequest.class);
        assertThat(request).isEqualTo(new BacktestRequest("sma-crossover", Map.of("fast", 10, "slow", 30), "AAPL", "1Day",
                Instant.parse("2013-01-01T00:00:00Z"), Instant.parse("2014-01-01T00:00:00Z"), new BigDecimal("10000"), BigDecimal.ONE,
                null, new BigDecimal("5"), null, null, null));
        assertThat(run.out()).contains("sma-crossover {fast=10, slow=30} on AAPL 1Day", "run " + runId + ": 252 bars, 8 fills",
                "total return      4.12%", "Sharpe             0.42", "max drawdown     12.00%", "win rate         50.00%",
                "final equity   10412.13");
        assertThat(run.err()).contains("waiting for the result");
    }

    @Test
    void runFailsWithTheReasonTheFunctionGave() {
        replyWith(EventTypes.BACKTEST_FAILED, request -> new BacktestFailed(request, BacktestFailed.NO_BARS,
                "no 1Day bars for AAPL in [2013-01-01, 2014-01-01)"));

        Run run = Run.of(run());

        assertThat(run.exitCode()).isEqualTo(CliException.FAILED);
        assertThat(run.err()).contains("backtest failed: NO_BARS: no 1Day bars for AAPL");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void runExplainsADeliveryThatFailedForGood() {
        platform.api(r -> {
            ObjectNode event = FakePlatform.event(1, platform.posts().get(0).headers().get("ce-id"), EventSources.CLI,
                    EventTypes.BACKTEST_REQUESTED, null, "failed");
            ObjectNode delivery = event.withArray("deliveries").addObject();
            delivery.put("trigger", "backtest").put("subscriber", "ksvc/backtest").put("status", "dead-lettered");
            delivery.putArray("attempts").addObject().put("attempt", 1).put("statusCode", 400);
            return FakePlatform.Response.json(200, FakePlatform.withReplies(event));
        });

        Run run = Run.of(run());

        assertThat(run.exitCode()).isEqualTo(CliException.FAILED);
        assertThat(run.err()).contains("failed", "trigger backtest -> ksvc/backtest: dead-lettered after 1 attempt, last answered 400");
    }

    @Test
    void runPrintsTheReplyAsJsonWhenAsked() {
        replyWith(EventTypes.BACKTEST_COMPLETED, request -> new BacktestCompleted(UUID.randomUUID(), request, 252, 8, METRICS));

        Run run = Run.of(run("--json"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"type\" : \"io.ztrade.backtest.completed\"", "\"finalEquity\" : 10412.13");
    }

    @Test
    void sweepEmitsASweepRequestAndPrintsTheBestRunsOfItsCompletion() {
        platform.api(r -> {
            if (!r.path().equals("/api/events") || !r.query().contains("type=" + EventTypes.BACKTEST_SWEEP_COMPLETED)) {
                return new FakePlatform.Response(404, "{}");
            }
            FakePlatform.Request sent = platform.posts().get(0);
            SweepRequest request = EventCodec.decode(sent.body(), SweepRequest.class);
            UUID sweepId = io.ztrade.events.payload.SweepRequest.sweepId(sent.headers().get("ce-source"), sent.headers().get("ce-id"));
            SweepCompleted other = new SweepCompleted(UUID.randomUUID(), request, "sharpe", 1, 1, 0, 0, List.of());
            SweepCompleted ours = new SweepCompleted(sweepId, request, "sharpe", 6, 5, 1, 0, List.of(
                    new SweepResult(1, UUID.randomUUID(), Map.of("fast", 10, "slow", 50), METRICS),
                    new SweepResult(2, UUID.randomUUID(), Map.of("fast", 5, "slow", 30),
                            new BacktestMetrics(0.01, 0.01, 0.1, null, 0.2, 0.25, 8, null, 0.4, BigDecimal.ZERO, new BigDecimal("10100")))));
            ObjectNode list = PlatformClient.JSON.createObjectNode().put("lastSeq", 9).put("revision", 9);
            list.putArray("events")
                    .add(FakePlatform.event(7, "a", EventSources.BACKTEST_FUNCTION, EventTypes.BACKTEST_SWEEP_COMPLETED, other, "delivered"))
                    .add(FakePlatform.event(8, "b", EventSources.BACKTEST_FUNCTION, EventTypes.BACKTEST_SWEEP_COMPLETED, ours, "delivered"));
            return FakePlatform.Response.json(200, list);
        });

        Run run = Run.of("backtest", "sweep", "--broker", platform.broker().toString(), "--strategy", "sma-crossover", "--symbol", "AAPL",
                "--from", "2013-01-01", "--to", "2014-01-01", "--grid", "fast=5,10", "--grid", "slow=30,50,100", "--top", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        FakePlatform.Request sent = platform.posts().get(0);
        assertThat(sent.headers()).containsEntry("ce-type", EventTypes.BACKTEST_SWEEP_REQUESTED);
        SweepRequest request = EventCodec.decode(sent.body(), SweepRequest.class);
        assertThat(request.grid()).containsEntry("fast", List.of(5, 10)).containsEntry("slow", List.of(30, 50, 100));
        assertThat(request.top()).isEqualTo(2);
        assertThat(run.out()).contains("6 runs, 5 succeeded, 1 failed, 0 combinations skipped", "best 2 by sharpe");
        List<String> lines = run.out().lines().toList();
        String header = lines.stream().filter(l -> l.startsWith("rank")).findFirst().orElseThrow();
        assertThat(header).containsSubsequence("rank", "fast", "slow", "total return", "Sharpe", "final equity");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("   1").containsSubsequence("10", "50", "4.12%", "0.42", "10412.13"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("   2").containsSubsequence("5", "30", "1.00%", "0.10", "-", "10100"));
    }

}
