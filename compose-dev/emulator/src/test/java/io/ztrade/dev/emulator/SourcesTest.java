package io.ztrade.dev.emulator;

import static io.ztrade.dev.emulator.support.Api.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.ztrade.dev.emulator.support.BasicPlatform;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** PingSource and KafkaSource, as Knative emits their events. */
@QuarkusTest
@TestProfile(BasicPlatform.class)
class SourcesTest {

    @Inject
    Platform platform;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @SuppressWarnings("unchecked")
    static Map<String, String> headersOf(Map<String, Object> request) {
        return (Map<String, String>) request.get("headers");
    }

    @Test
    void schedulesEachPingSourceWithItsCronAndTimezone() {
        Trigger job = platform.scheduler().getScheduledJob(Platform.PING_JOB + "ztrade/test-ping");
        assertThat(job).isNotNull();
        ZonedDateTime next = job.getNextFireTime().atZone(ZoneId.of("Europe/Zurich"));
        assertThat(next.getMonthValue()).isEqualTo(1);
        assertThat(next.getDayOfMonth()).isEqualTo(1);
        assertThat(next.getHour()).isZero();
        assertThat(next.getMinute()).isZero();
    }

    @Test
    void aPingSourceEmitsAKnativePingEventWithItsDataIntoTheBroker() throws InterruptedException {
        var ping = platform.pings().find("ztrade/test-ping").orElseThrow();
        assertThat(platform.pings().fire(ping).delivered()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> !received("/pings").isEmpty());
        Map<String, Object> r = received("/pings").get(0);
        assertThat(headersOf(r))
                .containsEntry("ce-type", "dev.knative.sources.ping")
                .containsEntry("ce-source", "/apis/v1/namespaces/ztrade/pingsources/test-ping")
                .containsEntry("ce-ztradeschedule", "yearly")
                .containsEntry("content-type", "application/json");
        assertThat(r.get("body")).isEqualTo("{\"symbols\":[\"AAPL\"]}");
    }

    @Test
    void aKafkaSourceForwardsCloudEventRecordsAndWrapsOtherRecords() throws Exception {
        String ceId = "fill-" + UUID.randomUUID();
        CloudEvent filled = CloudEventBuilder.v1().withId(ceId).withSource(URI.create("/ztrade/orderbook")).withType("test.kafka")
                .withData("application/json", "{\"qty\":3}".getBytes(StandardCharsets.UTF_8)).build();
        String plainKey = "plain-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(KafkaMessageFactory.<String>createWriter("test.incoming", "AAPL").writeBinary(filled)).get();
            producer.send(new ProducerRecord<>("test.incoming", plainKey, "not a cloudevent".getBytes(StandardCharsets.UTF_8))).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> received("/kafka").stream().map(SourcesTest::headersOf)
                .anyMatch(h -> plainKey.equals(h.get("ce-key"))));
        assertThat(received("/kafka").stream().map(SourcesTest::headersOf))
                .anySatisfy(h -> assertThat(h).containsEntry("ce-id", ceId).containsEntry("ce-type", "test.kafka")
                        .containsEntry("ce-source", "/ztrade/orderbook"))
                .anySatisfy(h -> assertThat(h).containsEntry("ce-key", plainKey).containsEntry("ce-type", "dev.knative.kafka.event")
                        .containsEntry("ce-source", "/apis/v1/namespaces/ztrade/kafkasources/test-source#test.incoming"));
    }
}
