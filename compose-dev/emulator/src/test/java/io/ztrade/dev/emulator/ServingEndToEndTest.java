package io.ztrade.dev.emulator;

import static io.restassured.RestAssured.given;
import static io.ztrade.dev.emulator.support.Api.emitAccepted;
import static io.ztrade.dev.emulator.support.Api.event;
import static io.ztrade.dev.emulator.support.Api.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.ztrade.dev.emulator.support.ServingPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Eventing and the real serving module together: Knative Services run as processes of a recording
 * test function, delivered to through Triggers. A replica killed while it holds an event, and a
 * Service scaled to zero and back.
 */
@QuarkusTest
@TestProfile(ServingPlatform.class)
class ServingEndToEndTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @ConfigProperty(name = "function.records")
    Path records;

    /** One delivery the function received: its number for the event (from 1) and the replica's pid. */
    record Received(int n, long pid) {}

    @Test
    void shouldRedeliverAnEventWhenItsFunctionIsKilledMidDelivery() {
        String id = newId("fragile");
        emitAccepted(id, "test.fragile.hang", null);
        await().atMost(PATIENCE).until(() -> !received(id).isEmpty());
        long killed = received(id).getFirst().pid();

        ProcessHandle.of(killed).orElseThrow().destroyForcibly();

        await().atMost(PATIENCE).until(() -> "delivered".equals(event(id).getString("event.status")));
        JsonPath e = event(id);
        List<Integer> codes = e.getList("event.deliveries[0].attempts.statusCode");
        assertThat(codes).as("attempts").hasSizeGreaterThanOrEqualTo(2);
        assertThat(codes.getFirst()).as("the attempt the killed replica held has no response").isNull();
        assertThat(e.getString("event.deliveries[0].attempts[0].error")).isNotBlank();
        assertThat(codes.getLast()).isEqualTo(202);
        assertThat(e.getString("event.deliveries[0].status")).isEqualTo("delivered");

        List<Received> got = received(id);
        assertThat(got).as("the killed replica's delivery, then the new replica's").hasSize(2);
        assertThat(got.get(1).pid()).as("a new replica took the event").isNotEqualTo(killed);
        assertThat(ProcessHandle.of(killed).filter(ProcessHandle::isAlive)).as("the killed replica").isEmpty();
        assertThat(coldStarts("fragile")).as("serving started a replacement").isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldScaleToZeroWhenIdleAndBackFromZeroOnTheNextEvent() {
        String first = newId("sleepy");
        emitAccepted(first, "test.sleepy", null);
        await().atMost(PATIENCE).until(() -> "delivered".equals(event(first).getString("event.status")));
        assertThat(received(first)).hasSize(1);
        assertThat(coldStarts("sleepy")).as("scaled from zero for the first event").isEqualTo(1);

        await().atMost(PATIENCE).until(() -> replicas("sleepy") == 0);
        long idle = received(first).getFirst().pid();
        await().atMost(PATIENCE).until(() -> ProcessHandle.of(idle).map(p -> !p.isAlive()).orElse(true));

        String second = newId("sleepy");
        emitAccepted(second, "test.sleepy", null);
        await().atMost(PATIENCE).until(() -> "delivered".equals(event(second).getString("event.status")));
        assertThat(event(second).getList("event.deliveries[0].attempts.statusCode")).containsExactly(202);
        assertThat(received(second)).hasSize(1);
        assertThat(received(second).getFirst().pid()).as("a new replica").isNotEqualTo(idle);
        assertThat(coldStarts("sleepy")).as("scaled from zero again").isEqualTo(2);
    }

    /** What the function recorded for event {@code id}, in the order it received it. */
    List<Received> received(String id) {
        Path dir = records.resolve(id);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.contains("-")).map(f -> f.split("-", 2))
                    .map(p -> new Received(Integer.parseInt(p[0]), Long.parseLong(p[1])))
                    .sorted(Comparator.comparingInt(Received::n)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> service(String name) {
        List<Map<String, Object>> services = given().get("/api/services").then().statusCode(200).extract().jsonPath().getList("$");
        return services.stream().filter(s -> name.equals(s.get("name"))).findFirst().orElseThrow();
    }

    static int replicas(String name) {
        Map<String, Object> s = service(name);
        return ((Number) s.get("ready")).intValue() + ((Number) s.get("starting")).intValue();
    }

    static int coldStarts(String name) {
        return ((List<?>) service(name).get("coldStartsMillis")).size();
    }
}
