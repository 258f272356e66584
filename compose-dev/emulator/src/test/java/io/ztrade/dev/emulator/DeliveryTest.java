package io.ztrade.dev.emulator;

import static io.restassured.RestAssured.given;
import static io.ztrade.dev.emulator.support.Api.behave;
import static io.ztrade.dev.emulator.support.Api.emitAccepted;
import static io.ztrade.dev.emulator.support.Api.event;
import static io.ztrade.dev.emulator.support.Api.newId;
import static io.ztrade.dev.emulator.support.Api.received;
import static io.ztrade.dev.emulator.support.Api.receivedIds;
import static io.ztrade.dev.emulator.support.Api.recorderUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.ztrade.dev.emulator.support.BasicPlatform;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Delivery as the Knative data-plane contract says: retries, which codes are retried, dead letters. */
@QuarkusTest
@TestProfile(BasicPlatform.class)
class DeliveryTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @SuppressWarnings("unchecked")
    static Map<String, String> headersOf(Map<String, Object> request) {
        return (Map<String, String>) request.get("headers");
    }

    static Map<String, String> deadLetter(String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> receivedIds("/dls").contains(id));
        return received("/dls").stream().map(DeliveryTest::headersOf).filter(h -> id.equals(h.get("ce-id"))).findFirst().orElseThrow();
    }

    static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    @Test
    void retriesARetryableStatusThenDeadLettersWithTheErrorExtensions() {
        behave("/flaky", "503:replica busy");
        String id = newId("flaky");
        emitAccepted(id, "test.flaky", null);
        Map<String, String> dl = deadLetter(id);
        assertThat(receivedIds("/flaky")).filteredOn(id::equals).hasSize(3);
        assertThat(dl.get("ce-knativeerrordest")).isEqualTo(recorderUrl() + "/flaky");
        assertThat(dl.get("ce-knativeerrorcode")).isEqualTo("503");
        assertThat(decode(dl.get("ce-knativeerrordata"))).isEqualTo("replica busy");
        assertThat(dl.get("ce-type")).isEqualTo("test.flaky");

        await().atMost(Duration.ofSeconds(10)).until(() -> "failed".equals(event(id).getString("event.status")));
        JsonPath e = event(id);
        assertThat(e.getList("event.deliveries.status")).containsExactly("dead-lettered");
        assertThat(e.getList("event.deliveries[0].attempts.statusCode")).containsExactly(503, 503, 503);
        List<Map<String, Object>> dls = given().get("/api/deadletters").then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> listed = dls.stream().filter(d -> id.equals(((Map<?, ?>) d.get("attributes")).get("id"))).findFirst().orElseThrow();
        assertThat(listed).containsEntry("trigger", "flaky").containsEntry("errorData", "replica busy").containsEntry("attempts", 3);
        assertThat((Map<String, String>) listed.get("extensions")).containsEntry("knativeerrorcode", "503");
    }

    @Test
    void doesNotRetryABadRequest() {
        behave("/rejecting", "400:strategy: unknown strategy 'x'");
        String id = newId("rejected");
        emitAccepted(id, "test.rejected", null);
        Map<String, String> dl = deadLetter(id);
        assertThat(receivedIds("/rejecting")).filteredOn(id::equals).hasSize(1);
        assertThat(dl.get("ce-knativeerrorcode")).isEqualTo("400");
        assertThat(decode(dl.get("ce-knativeerrordata"))).isEqualTo("strategy: unknown strategy 'x'");
    }

    @Test
    void deliversOnceTheSubscriberRecoversWithoutADeadLetter() {
        behave("/recovering", "503,429,202");
        String id = newId("recovering");
        emitAccepted(id, "test.recovering", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> "delivered".equals(event(id).getString("event.status")));
        assertThat(event(id).getList("event.deliveries[0].attempts.statusCode")).containsExactly(503, 429, 202);
        assertThat(receivedIds("/dls")).doesNotContain(id);
    }

    @Test
    void aSubscriberThatDiesMidDeliveryGetsTheEventAgain() {
        behave("/recovering", "drop,202");
        String id = newId("dropped");
        emitAccepted(id, "test.recovering", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> "delivered".equals(event(id).getString("event.status")));
        JsonPath e = event(id);
        assertThat(e.getList("event.deliveries[0].attempts.statusCode")).containsExactly(null, 202);
        assertThat(e.getString("event.deliveries[0].attempts[0].error")).isNotBlank();
        assertThat(receivedIds("/recovering")).filteredOn(id::equals).hasSize(2);
    }

    @Test
    void asksSubscribersForRepliesAndSendsBinaryModeEvents() {
        String id = newId("headers");
        emitAccepted(id, "test.fan", "s-1");
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedIds("/fan-1").contains(id));
        Map<String, String> h = received("/fan-1").stream().map(DeliveryTest::headersOf).filter(x -> id.equals(x.get("ce-id"))).findFirst()
                .orElseThrow();
        assertThat(h).containsEntry("prefer", "reply").containsEntry("ce-type", "test.fan").containsEntry("ce-subject", "s-1")
                .containsEntry("ce-source", "/tests");
    }

    @Test
    void eachMatchingTriggerGetsItsOwnDeliveryAndFallsBackToTheBrokersDeadLetterSink() {
        behave("/fan-1", "202");
        behave("/fan-2", "500:fan-2 down");
        String id = newId("fan");
        emitAccepted(id, "test.fan", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> "failed".equals(event(id).getString("event.status")));
        JsonPath e = event(id);
        assertThat(e.getList("event.matched")).containsExactlyInAnyOrder("fan-1", "fan-2");
        Map<String, String> byTrigger = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            byTrigger.put(e.getString("event.deliveries[" + i + "].trigger"), e.getString("event.deliveries[" + i + "].status"));
        }
        assertThat(byTrigger).containsEntry("fan-1", "delivered").containsEntry("fan-2", "dead-lettered");
        // The broker's dead-letter sink is a KafkaSink: the dead letter is a record on its topic.
        Map<String, String> headers = deadLetterRecord(id);
        assertThat(headers).containsEntry("ce_knativeerrorcode", "500").containsEntry("ce_knativeerrordest", recorderUrl() + "/fan-2");
        assertThat(decode(headers.get("ce_knativeerrordata"))).isEqualTo("fan-2 down");
    }

    Map<String, String> deadLetterRecord(String id) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("test.deadletters"));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, String> headers = new HashMap<>();
                    for (Header h : r.headers()) {
                        headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
                    }
                    if (id.equals(headers.get("ce_id"))) {
                        return headers;
                    }
                }
            }
        }
        throw new AssertionError("no dead letter for " + id + " on test.deadletters");
    }
}
