package io.ztrade.dev.emulator.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.ztrade.infra.KafkaResource;
import io.ztrade.infra.PostgresResource;
import java.util.List;
import java.util.Map;

/**
 * The emulator on the test manifests of {@code manifests/basic}: every filter dialect, flaky and
 * replying subscribers, sources, all pointing at a {@link Recorder}; real Kafka and PostgreSQL.
 */
public class BasicPlatform implements QuarkusTestProfile {

    /** Loop guard depth of this profile. */
    public static final int MAX_HOPS = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "ztrade.eventing.max-hops", String.valueOf(MAX_HOPS),
                "ztrade.eventing.topic-partitions", "3",
                "ztrade.serving.enabled", "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(HttpPort.class),
                new TestResourceEntry(KafkaResource.class),
                new TestResourceEntry(PostgresResource.class),
                new TestResourceEntry(PlatformManifests.class, Map.of(PlatformManifests.SET, "basic")));
    }
}
