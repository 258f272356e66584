package io.ztrade.dev.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.ztrade.dev.emulator.support.BasicPlatform;
import io.ztrade.testtools.HostileHttp;
import io.ztrade.testtools.HostileHttp.Request;
import io.ztrade.testtools.HostileHttp.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Hostile input on the broker ingress and the status API (see {@link HostileHttp}): never a 5xx;
 * every 400 names the attribute or field; a refused event is not in the broker's topic; the API
 * is read-only (every write method is refused) and answers bad query parameters with a 4xx.
 */
@QuarkusTest
@TestProfile(BasicPlatform.class)
class HostileInputTest {

    private static final String TOPIC = "knative-broker-ztrade-default";

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void refusesEveryHostileEventAtTheIngressNamingTheFieldAndStoresNothing() {
        Map<String, String> binary = new LinkedHashMap<>();
        binary.put("ce-specversion", "1.0");
        binary.put("ce-id", "hostile-" + UUID.randomUUID());
        binary.put("ce-source", "/tests/hostile");
        binary.put("ce-type", "test.unrouted");
        binary.put("ce-subject", "AAPL");
        binary.put("Content-Type", "application/json");
        List<Request> requests = new ArrayList<>(HostileHttp.variants(
                Request.of("POST", "/ztrade/default", binary, "{\"symbol\":\"AAPL\",\"n\":1}"), 100, 21));
        requests.addAll(HostileHttp.variants(Request.of("POST", "/ztrade/default",
                Map.of("Content-Type", "application/cloudevents+json"), """
                {"specversion":"1.0","id":"hostile-s-%s","source":"/tests/hostile","type":"test.unrouted",\
                "time":"2026-01-02T03:04:05Z","datacontenttype":"application/json","data":{"n":1}}"""
                        .formatted(UUID.randomUUID())), 100, 22));
        requests.add(Request.of("POST", "/ztrade/no-such-broker", binary, "{}"));
        requests.add(Request.of("POST", "/%FF/default", binary, "{}"));

        int refused = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(TOPIC)) {
                partitions.add(new TopicPartition(TOPIC, p.partition()));
            }
            for (Request request : requests) {
                Map<TopicPartition, Long> before = consumer.endOffsets(partitions);
                Response response = HostileHttp.send(base, request);
                assertThat(response.status()).as("%s -> %s", request, response.body()).isLessThan(500);
                if (response.status() == 400 || response.status() == 415) {
                    assertThat(response.field()).as("the field named in %s for %s", response.body(), request).isNotBlank();
                }
                if (response.status() >= 400) {
                    refused++;
                    assertThat(consumer.endOffsets(partitions)).as("the broker's topic after the refused %s", request)
                            .isEqualTo(before);
                }
            }
        }
        assertThat(refused).as("refused requests").isGreaterThan(requests.size() / 2);
    }

    @Test
    void theApiIsReadOnlyAndAnswersBadParametersWithA4xx() {
        List<String> paths = List.of("/api/platform", "/api/brokers", "/api/triggers", "/api/services", "/api/sources",
                "/api/events", "/api/deadletters", "/api/jobs", "/api/events/some-id", "/api/trading/agents",
                "/api/trading/agents/some-agent", "/api/trading/positions", "/api/trading/pnl", "/api/trading/risk",
                "/api/trading/orders", "/");
        for (String path : paths) {
            for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
                Response response = HostileHttp.send(base, Request.of(method, path, Map.of("Content-Type", "application/json"),
                        "{\"status\":\"SUCCEEDED\"}"));
                assertThat(response.status()).as("%s %s", method, path).isBetween(400, 499);
            }
        }
        for (String path : List.of("/api/events?limit=-1", "/api/events?limit=abc", "/api/events?after=1e99",
                "/api/events?limit=99999999999", "/api/events?type=%00", "/api/jobs?status=%FF%FE", "/api/jobs?limit=0",
                "/api/deadletters?limit=-5", "/api/events/%00?source=%ZZ", "/api/events?changedSince=-1",
                "/api/trading/orders?limit=abc", "/api/trading/orders?limit=99999999999", "/api/trading/pnl?agent=%00",
                "/api/trading/agents/%00?points=-1", "/api/trading/agents/" + "x".repeat(4000), "/api/trading/orders?agent=%FF%FE",
                "/api/" + "x".repeat(4000))) {
            Response response = HostileHttp.send(base, Request.of("GET", path, Map.of(), ""));
            assertThat(response.status()).as("GET %s -> %s", path, response.body()).isLessThan(500);
        }
    }
}
