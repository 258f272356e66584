package io.ztrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmitCommandTest {

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
    void postsABinaryModeCloudEventToTheBrokerAndPrintsItsId() {
        Run run = Run.of("emit", "--broker", platform.broker().toString(), "--type", "io.ztrade.backtest.requested",
                "--id", "my-first-backtest", "--source", "/me", "--data", "{\"symbol\":\"AAPL\"}");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo("my-first-backtest");
        FakePlatform.Request sent = platform.posts().get(0);
        assertThat(sent.path()).isEqualTo("/ztrade/default");
        assertThat(sent.headers()).containsEntry("ce-specversion", "1.0").containsEntry("ce-id", "my-first-backtest")
                .containsEntry("ce-source", "/me").containsEntry("ce-type", "io.ztrade.backtest.requested")
                .containsEntry("content-type", "application/json").containsKey("ce-time");
        assertThat(sent.bodyText()).isEqualTo("{\"symbol\":\"AAPL\"}");
    }

    @Test
    void readsTheDataFromAFileAndMakesUpAnIdWhenNoneIsGiven(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("request.json"), "{\"strategy\":\"sma-crossover\"}");

        Run run = Run.of("emit", "--broker", platform.broker().toString(), "--type", "t", "--data", "@" + file);

        assertThat(run.exitCode()).as(run.err()).isZero();
        FakePlatform.Request sent = platform.posts().get(0);
        assertThat(sent.bodyText()).isEqualTo("{\"strategy\":\"sma-crossover\"}");
        assertThat(sent.headers().get("ce-id")).isEqualTo(run.out().strip()).isNotBlank();
        assertThat(sent.headers()).containsEntry("ce-source", "/ztrade/cli");
    }

    @Test
    void sendsAnEventWithoutDataWhenNoneIsGiven() {
        Run run = Run.of("emit", "--broker", platform.broker().toString(), "--type", "io.ztrade.trading.tick");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(platform.posts().get(0).body()).isEmpty();
        assertThat(platform.posts().get(0).headers()).doesNotContainKey("content-type");
    }

    @Test
    void waitsForTheReplyThatFollowsFromTheEventAndPrintsIt() {
        platform.api(r -> {
            if (!r.path().equals("/api/events/req-1")) {
                return new FakePlatform.Response(404, "{}");
            }
            long polls = platform.gets("/api/events/req-1").size();
            var event = FakePlatform.event(1, "req-1", "/me", "io.ztrade.backtest.requested", null, "dispatching");
            if (polls < 3) {
                return FakePlatform.Response.json(200, FakePlatform.withReplies(event));
            }
            var reply = FakePlatform.event(2, "reply-1", "/ztrade/functions/backtest", "io.ztrade.backtest.completed",
                    PlatformClient.JSON.createObjectNode().put("runId", "r-1"), "delivered");
            return FakePlatform.Response.json(200, FakePlatform.withReplies(event, reply));
        });

        Run run = Run.of("emit", "--broker", platform.broker().toString(), "--type", "io.ztrade.backtest.requested", "--id", "req-1",
                "--source", "/me", "--data", "{}", "--wait", "io.ztrade.backtest.completed");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("req-1").contains("\"type\" : \"io.ztrade.backtest.completed\"", "\"id\" : \"reply-1\"",
                "\"runId\" : \"r-1\"", "\"specversion\" : \"1.0\"");
        assertThat(platform.gets("/api/events/req-1")).allSatisfy(g -> assertThat(g.query()).isEqualTo("source=/me"));
    }

    @Test
    void givesUpWaitingWhenNoTriggerMatchedTheEvent() {
        platform.api(r -> FakePlatform.Response.json(200,
                FakePlatform.withReplies(FakePlatform.event(1, "req-2", "/ztrade/cli", "io.ztrade.nothing", null, "no-match"))));

        Run run = Run.of("emit", "--broker", platform.broker().toString(), "--type", "io.ztrade.nothing", "--id", "req-2",
                "--wait", "io.ztrade.reply");

        assertThat(run.exitCode()).isEqualTo(CliException.FAILED);
        assertThat(run.err()).contains("no Trigger matched event req-2");
    }

    @Test
    void givesUpWaitingAfterTheTimeout() {
        platform.api(r -> FakePlatform.Response.json(200,
                FakePlatform.withReplies(FakePlatform.event(1, "req-3", "/ztrade/cli", "t", null, "dispatching"))));

        Run run = Run.of("emit", "--broker", platform.broker().toString(), "--type", "t", "--id", "req-3", "--wait", "reply",
                "--timeout", "600ms");

        assertThat(run.exitCode()).isEqualTo(CliException.FAILED);
        assertThat(run.err()).contains("no reply followed event req-3 within 600ms");
    }

    @Test
    void reportsWhatTheBrokerRejectedNamingTheAttribute() {
        platform.brokerAnswers(400, "{\"error\":\"invalid event\",\"field\":\"source\",\"message\":\"source: not a URI reference\"}");

        Run run = Run.of("emit", "--broker", platform.broker().toString(), "--type", "t");

        assertThat(run.exitCode()).isEqualTo(CliException.FAILED);
        assertThat(run.err()).contains("the broker rejected event", "(400)", "source: not a URI reference");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void reportsAnUnknownBroker() {
        platform.brokerAnswers(404, "{\"error\":\"unknown broker\"}");

        Run run = Run.of("emit", "--broker", platform.broker().toString(), "--type", "t");

        assertThat(run.exitCode()).isEqualTo(CliException.FAILED);
        assertThat(run.err()).contains("no broker at " + platform.broker());
    }

    @Test
    void saysHowToStartThePlatformWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }

        Run run = Run.of("emit", "--broker", "http://localhost:" + port + "/ztrade/default", "--type", "t");

        assertThat(run.exitCode()).isEqualTo(CliException.NOT_RUNNING);
        assertThat(run.err().strip()).isEqualTo("ztrade: Ztrade is not running at http://localhost:" + port + ": start it with ./ztrade up");
    }
}
