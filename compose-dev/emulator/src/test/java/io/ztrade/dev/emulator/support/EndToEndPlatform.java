package io.ztrade.dev.emulator.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.ztrade.infra.KafkaResource;
import io.ztrade.infra.PostgresResource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The emulator on the repository's own manifests ({@code knative/}, {@code eventing/}): the
 * backtest Knative Service runs as local processes of {@code functions/backtest}'s packaged
 * artifact, started on demand; real Kafka and PostgreSQL.
 */
public class EndToEndPlatform implements QuarkusTestProfile {

    /** The repository root (tests run in {@code compose-dev/emulator}). */
    public static final Path REPO = Path.of(System.getProperty("user.dir")).resolve("../..").toAbsolutePath().normalize();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "ztrade.root", REPO.toString(),
                "ztrade.serving.enabled", "true",
                "ztrade.serving.log-dir", Path.of(System.getProperty("user.dir")).resolve("target/serving-logs").toString(),
                "ztrade.serving.retention", "PT30S",
                // the platform's own log as a file too, so that tests can read everything a run logged
                "quarkus.log.file.enabled", "true",
                "quarkus.log.file.path", Path.of(System.getProperty("user.dir")).resolve("target/e2e-logs/emulator.log").toString());
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(HttpPort.class),
                new TestResourceEntry(KafkaResource.class),
                new TestResourceEntry(PostgresResource.class));
    }
}
