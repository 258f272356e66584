package io.ztrade.dev.emulator;

import static io.restassured.RestAssured.given;
import static io.ztrade.dev.emulator.support.Api.emitAccepted;
import static io.ztrade.dev.emulator.support.Api.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.ztrade.dev.emulator.support.BasicPlatform;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The JSON API the status page and the command line read (shapes as in the module README). */
@QuarkusTest
@TestProfile(BasicPlatform.class)
class ApiTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void describesThePlatform() {
        JsonPath p = given().get("/api/platform").then().statusCode(200).extract().jsonPath();
        assertThat(p.getBoolean("ready")).isTrue();
        assertThat(p.getString("brokerUrl")).endsWith("/ztrade/default");
        assertThat(p.getList("brokers", String.class)).anyMatch(b -> b.endsWith("/lab/other"));
    }

    @Test
    void listsBrokersWithTheirTopicDeliveryAndTriggers() {
        JsonPath b = given().get("/api/brokers").then().statusCode(200).extract().jsonPath();
        Map<String, Object> def = b.getMap("find { it.name == 'default' }");
        assertThat(def).containsEntry("namespace", "ztrade").containsEntry("brokerClass", "Kafka")
                .containsEntry("topic", "knative-broker-ztrade-default").containsEntry("partitions", 3);
        assertThat(b.getString("find { it.name == 'default' }.delivery.deadLetterSink")).contains("KafkaSink ztrade/test-dead-letters");
        assertThat(b.getList("find { it.name == 'default' }.triggers", String.class)).contains("m-cesql", "flaky", "asks");
    }

    @Test
    void listsTriggersWithTheirFiltersSubscribersAndDelivery() {
        JsonPath t = given().get("/api/triggers").then().statusCode(200).extract().jsonPath();
        assertThat(t.getString("find { it.name == 'm-any' }.filter"))
                .isEqualTo("all(exact(type=test.matrix.any), any(exact(subject=any-1), exact(subject=any-2)))");
        assertThat(t.getString("find { it.name == 'sub-a-backtest-requested' }.subscriber")).isEqualTo("Service ztrade/sub-a");
        assertThat(t.getInt("find { it.name == 'flaky' }.delivery.retry")).isEqualTo(2);
        assertThat(t.getString("find { it.name == 'flaky' }.delivery.backoffPolicy")).isEqualTo("linear");
        assertThat(t.getString("find { it.name == 'flaky' }.delivery.backoffDelay")).isEqualTo("PT0.05S");
        assertThat(t.getMap("find { it.name == 'm-exact' }.filterSpec")).containsKey("filters");
    }

    @Test
    void listsServicesAndSources() {
        given().get("/api/services").then().statusCode(200).body("find { it.name == 'sub-a' }.kind", equalTo("Static"));
        JsonPath s = given().get("/api/sources").then().statusCode(200).extract().jsonPath();
        assertThat(s.getString("pingSources[0].name")).isEqualTo("test-ping");
        assertThat(s.getString("pingSources[0].timezone")).isEqualTo("Europe/Zurich");
        assertThat(s.getString("pingSources[0].nextFireAt")).isNotNull();
        assertThat(s.getList("kafkaSources.topics")).contains(List.of("test.incoming"));
    }

    @Test
    void pagesThroughEventsBySequenceAndByChange() {
        JsonPath start = given().get("/api/events?limit=1").then().statusCode(200).extract().jsonPath();
        long before = start.getLong("lastSeq");
        long revision = start.getLong("revision");
        String a = newId("page-a");
        String b = newId("page-b");
        emitAccepted(a, "test.page", null);
        emitAccepted(b, "test.page", null);
        JsonPath page = given().queryParam("after", before).queryParam("type", "test.page").get("/api/events").then().statusCode(200)
                .extract().jsonPath();
        assertThat(page.getList("events.id")).containsExactly(a, b);
        // changedSince returns what changed after a revision, with its current state
        await().atMost(Duration.ofSeconds(20)).until(() -> given().queryParam("changedSince", revision).queryParam("type", "test.page")
                .get("/api/events").then().extract().jsonPath().getList("events.status").equals(List.of("no-match", "no-match")));
        long now = given().get("/api/events?limit=1").then().extract().jsonPath().getLong("revision");
        assertThat(given().queryParam("changedSince", now).queryParam("type", "test.page").get("/api/events").then().extract()
                .jsonPath().getList("events")).isEmpty();
        given().queryParam("limit", 0).get("/api/events").then().statusCode(400).body("field", equalTo("limit"));
    }

    @Test
    void answers404ForAnEventNotInTheLog() {
        given().get("/api/events/{id}", "never-" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void listsRecentJobsNewestFirstFilteredByStatus() throws Exception {
        String tag = UUID.randomUUID().toString();
        Instant t0 = Instant.now().plusSeconds(3600);
        insertJob("old-" + tag, "SUCCEEDED", t0, t0.plusMillis(40));
        insertJob("new-" + tag, "FAILED", t0.plusSeconds(1), t0.plusSeconds(2));
        insertJob("run-" + tag, "RUNNING", t0.plusSeconds(2), null);
        JsonPath all = given().queryParam("limit", 3).get("/api/jobs").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("eventId")).containsExactly("run-" + tag, "new-" + tag, "old-" + tag);
        assertThat(all.getLong("find { it.eventId == 'old-" + tag + "' }.durationMs")).isEqualTo(40);
        JsonPath failed = given().queryParam("status", "failed").get("/api/jobs").then().statusCode(200).extract().jsonPath();
        assertThat(failed.getList("status")).containsOnly("FAILED");
        assertThat(failed.getList("eventId")).contains("new-" + tag);
        given().queryParam("status", "LOST").get("/api/jobs").then().statusCode(400).body("field", equalTo("status"));
    }

    void insertJob(String eventId, String status, Instant started, Instant finished) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into job_run (event_source, event_id, event_type, function, status, attempts, started_at, finished_at, error, reply_type)"
                        + " values ('/tests', ?, 'io.ztrade.backtest.requested', 'backtest', ?, 1, ?, ?, ?, ?)")) {
            ps.setString(1, eventId);
            ps.setString(2, status);
            ps.setTimestamp(3, Timestamp.from(started));
            ps.setTimestamp(4, finished == null ? null : Timestamp.from(finished));
            ps.setString(5, status.equals("FAILED") ? "no bars" : null);
            ps.setString(6, status.equals("SUCCEEDED") ? "io.ztrade.backtest.completed" : null);
            ps.executeUpdate();
        }
    }
}
