package io.ztrade.dev.emulator.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.ztrade.infra.KafkaResource;
import io.ztrade.infra.PostgresResource;
import java.util.List;
import java.util.Map;

/**
 * The emulator on the test manifests of {@code manifests/serving}: Knative Services run by the real
 * serving module as processes of {@link io.ztrade.dev.emulator.support.fixture.RecordingFunction}
 * (see {@link FunctionRepository}), behind Triggers; real Kafka and PostgreSQL.
 */
public class ServingPlatform implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "ztrade.serving.enabled", "true",
                "ztrade.serving.retention", "PT30S",
                "ztrade.eventing.activation-timeout", "PT1M");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(HttpPort.class),
                new TestResourceEntry(KafkaResource.class),
                new TestResourceEntry(PostgresResource.class),
                new TestResourceEntry(FunctionRepository.class));
    }
}
