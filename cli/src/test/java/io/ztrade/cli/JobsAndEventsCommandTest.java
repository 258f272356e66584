package io.ztrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobsAndEventsCommandTest {

    private FakePlatform platform;

    @BeforeEach
    void start() throws IOException {
        platform = new FakePlatform();
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void jobsAsksForTheStatusAndPrintsOneRowPerJob() {
        platform.api(r -> {
            ArrayNode jobs = PlatformClient.JSON.createArrayNode();
            jobs.addObject().put("id", 2).put("eventSource", "/ztrade/cli").put("eventId", "e-2").put("eventType", "io.ztrade.backtest.requested")
                    .put("function", "backtest").put("status", "FAILED").put("attempts", 3).put("startedAt", "2026-01-02T03:04:05Z")
                    .put("finishedAt", "2026-01-02T03:04:06Z").put("durationMs", 1000).put("error", "NO_BARS");
            return FakePlatform.Response.json(200, jobs);
        });

        Run run = Run.of("jobs", "--url", platform.base().toString(), "--status", "failed");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(platform.gets("/api/jobs").get(0).query()).isEqualTo("limit=20&status=FAILED");
        assertThat(run.out().lines().toList()).hasSize(2);
        assertThat(run.out().lines().toList().get(0)).containsSubsequence("started", "function", "type", "status", "attempts", "ms", "event", "result");
        assertThat(run.out().lines().toList().get(1)).containsSubsequence("backtest", "io.ztrade.backtest.requested", "FAILED", "3", "1000",
                "/ztrade/cli e-2", "NO_BARS");
    }

    @Test
    void jobsSaysSoWhenThereAreNone() {
        platform.api(r -> new FakePlatform.Response(200, "[]"));

        Run run = Run.of("jobs", "--url", platform.base().toString(), "--status", "RUNNING");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("no RUNNING jobs");
    }

    @Test
    void jobsSaysWhenThePlatformIsStillStarting() {
        platform.api(r -> new FakePlatform.Response(503, "{\"error\":\"the platform is starting or stopping\"}"));

        Run run = Run.of("jobs", "--url", platform.base().toString());

        assertThat(run.exitCode()).isEqualTo(CliException.NOT_RUNNING);
        assertThat(run.err()).contains("is starting or stopping");
    }

    @Test
    void eventsPrintsTheLatestEventsWithTheTriggersTheyMatched() {
        platform.api(r -> {
            ObjectNode page = PlatformClient.JSON.createObjectNode().put("lastSeq", 2).put("revision", 5);
            ObjectNode e = FakePlatform.event(2, "e-2", "/ztrade/cli", "io.ztrade.backtest.requested", null, "delivered");
            e.withArray("matched").add("backtest");
            page.putArray("events").add(e);
            return FakePlatform.Response.json(200, page);
        });

        Run run = Run.of("events", "--url", platform.base().toString(), "--type", "io.ztrade.backtest.requested");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(platform.gets("/api/events").get(0).query()).isEqualTo("limit=20&type=io.ztrade.backtest.requested");
        assertThat(run.out()).containsSubsequence("SEQ", "RECEIVED", "TYPE", "STATUS");
        assertThat(run.out()).containsSubsequence("2", "io.ztrade.backtest.requested", "delivered", "/ztrade/cli e-2 -> backtest");
    }

    @Test
    void eventsFollowPrintsEventsAsTheyArriveUntilStopped() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        platform.api(r -> {
            int n = calls.incrementAndGet();
            ObjectNode page = PlatformClient.JSON.createObjectNode().put("lastSeq", n).put("revision", n);
            ArrayNode events = page.putArray("events");
            if (n == 1 || r.query().equals("after=" + (n - 1) + "&limit=1000")) {
                events.add(FakePlatform.event(n, "e-" + n, "/src", "t", null, "delivered"));
            }
            return FakePlatform.Response.json(200, page);
        });
        StringWriter out = new StringWriter();
        Thread follow = new Thread(() -> Ztrade.commandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
                .execute("events", "--url", platform.base().toString(), "--follow", "--interval", "50ms"));
        follow.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (calls.get() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        follow.interrupt();
        follow.join(10_000);

        assertThat(follow.isAlive()).isFalse();
        assertThat(out.toString()).contains("/src e-1", "/src e-2", "/src e-3");
        assertThat(platform.gets("/api/events").get(1).query()).isEqualTo("after=1&limit=1000");
    }
}
