package io.ztrade.dev.emulator;

import static io.restassured.RestAssured.given;
import static io.ztrade.dev.emulator.support.Api.emit;
import static io.ztrade.dev.emulator.support.Api.newId;
import static io.ztrade.dev.emulator.support.Api.receivedIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.ztrade.dev.emulator.support.BasicPlatform;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(BasicPlatform.class)
class BrokerIngressTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void acceptsABinaryModeEventOnlyOnceItIsInTheBrokersKafkaTopic() {
        String id = newId("binary");
        emit(id, "test.unrouted", null, "{\"a\":1}").then().statusCode(202);
        // The 202 came after the write was acknowledged: the record is there right now.
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("knative-broker-ztrade-default"));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!ids.contains(id) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    var h = r.headers().lastHeader("ce_id");
                    if (h != null) {
                        ids.add(new String(h.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        assertThat(ids).contains(id);
    }

    @Test
    void acceptsAStructuredModeEventAndRoutesItToTheKnativeServiceSubscriber() {
        String id = newId("structured");
        given().contentType("application/cloudevents+json")
                .body("{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/tests\",\"type\":\"io.ztrade.backtest.requested\","
                        + "\"datacontenttype\":\"application/json\",\"data\":{\"symbol\":\"AAPL\"}}")
                .post("/ztrade/default")
                .then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedIds("/a").contains(id));
    }

    @Test
    void rejectsAnEventWithoutIdNamingTheAttribute() {
        given().header("ce-specversion", "1.0").header("ce-source", "/tests").header("ce-type", "test.x")
                .contentType("application/json").body("{}")
                .post("/ztrade/default")
                .then().statusCode(400).body("field", equalTo("id")).body("error", containsString("ce-id"));
    }

    @Test
    void rejectsAStructuredEventWithoutTypeNamingTheAttribute() {
        given().contentType("application/cloudevents+json")
                .body("{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/tests\"}")
                .post("/ztrade/default")
                .then().statusCode(400).body("field", equalTo("type"));
    }

    @Test
    void rejectsAnUnsupportedSpecVersionNamingIt() {
        String id = newId("v03");
        given().header("ce-specversion", "0.3").header("ce-id", id).header("ce-source", "/tests").header("ce-type", "test.x")
                .contentType("application/json").body("{}")
                .post("/ztrade/default")
                .then().statusCode(400).body("field", equalTo("specversion"));
        given().get("/api/events/{id}", id).then().statusCode(404);
    }

    @Test
    void answers404ForABrokerTheManifestsDoNotDeclare() {
        given().header("ce-specversion", "1.0").header("ce-id", "x").header("ce-source", "/tests").header("ce-type", "test.x")
                .contentType("application/json").body("{}")
                .post("/ztrade/nope")
                .then().statusCode(404).body("error", containsString("ztrade/nope"));
    }

    @Test
    void acceptsEventsOnEveryDeclaredBrokerEvenWithoutTriggers() {
        String id = newId("lab");
        given().header("ce-specversion", "1.0").header("ce-id", id).header("ce-source", "/tests").header("ce-type", "test.x")
                .contentType("application/json").body("{}")
                .post("/lab/other")
                .then().statusCode(202);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "no-match".equals(given().get("/api/events/{id}", id).then().extract().path("event.status")));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "\"Bad_Name\":\"x\"|Bad_Name",
        "\"UPPER\":\"x\"|UPPER",
        "\"averyveryverylongname1\":\"x\"|averyveryverylongname1",
        "\"time\":\"yesterday\"|time",
        "\"ext\":{\"nested\":true}|ext",
        "\"subject\":\"\"|subject",
        "\"dataschema\":\"rel\"|dataschema",
    })
    void rejectsAStructuredEventThatBreaksTheCloudEventsRulesNamingTheAttributeAndStoringNothing(String member, String field) {
        String id = newId("rules");
        given().contentType("application/cloudevents+json")
                .body("{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/tests\",\"type\":\"test.x\"," + member + "}")
                .post("/ztrade/default")
                .then().statusCode(400).body("field", equalTo(field));
        given().get("/api/events/{id}", id).then().statusCode(404);
    }

    @Test
    void rejectsABinaryHeaderWithAForbiddenAttributeNameAndABadTime() {
        String id = newId("rules-binary");
        given().header("ce-specversion", "1.0").header("ce-id", id).header("ce-source", "/tests").header("ce-type", "test.x")
                .header("ce-bad_name", "x").contentType("application/json").body("{}")
                .post("/ztrade/default")
                .then().statusCode(400).body("field", equalTo("bad_name"));
        given().header("ce-specversion", "1.0").header("ce-id", id).header("ce-source", "/tests").header("ce-type", "test.x")
                .header("ce-time", "2026-02-30T00:00:00Z").contentType("application/json").body("{}")
                .post("/ztrade/default")
                .then().statusCode(400).body("field", equalTo("time"));
        given().get("/api/events/{id}", id).then().statusCode(404);
    }

    @Test
    void answers415ForBatchedMode() {
        String id = newId("batch");
        given().contentType("application/cloudevents-batch+json")
                .body("[{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/tests\",\"type\":\"test.x\"}]")
                .post("/ztrade/default")
                .then().statusCode(415).body("field", equalTo("content-type")).body("error", containsString("batched"));
        given().get("/api/events/{id}", id).then().statusCode(404);
    }
}
