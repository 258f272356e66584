package io.ztrade.dev.serving;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How {@link LocalServing} runs the workloads of the manifests on this machine.
 *
 * @param repoRoot         the repository; a workload's artifact is
 *                         {@code <repoRoot>/<module>/target/quarkus-app/quarkus-run.jar}
 * @param env              given to every process, over the manifest's own {@code env} (this is where
 *                         local values replace what the cluster takes from Secrets: the database URL,
 *                         the Kafka bootstrap servers, tokens)
 * @param brokerUrl        given to Knative Services as {@code K_SINK}, as a SinkBinding would;
 *                         {@code null} for none
 * @param logDir           one log file per workload, {@code <name>.log}, appended by every replica
 * @param defaultRetention how long an idle replica lingers before it is stopped when the Service does
 *                         not set {@code autoscaling.knative.dev/scale-to-zero-pod-retention-period};
 *                         {@code null} means {@link #DEFAULT_RETENTION}
 * @param devServices      Knative Services to run in Quarkus dev mode from their module's sources
 *                         ({@code mvnw -pl <module> -am quarkus:dev}) instead of their packaged
 *                         artifact: one replica, always on, and the next request after a source edit
 *                         runs the new code
 */
public record ServingConfig(Path repoRoot, Map<String, String> env, URI brokerUrl, Path logDir, Duration defaultRetention,
        Set<String> devServices) {

    /** The local default for scale-to-zero: short, so that a laptop gets its memory back soon. */
    public static final Duration DEFAULT_RETENTION = Duration.ofSeconds(30);

    public ServingConfig {
        repoRoot = Objects.requireNonNull(repoRoot, "repoRoot").toAbsolutePath().normalize();
        env = env == null ? Map.of() : Map.copyOf(env);
        logDir = (logDir == null ? repoRoot.resolve(".ztrade/logs") : logDir).toAbsolutePath().normalize();
        defaultRetention = defaultRetention == null ? DEFAULT_RETENTION : defaultRetention;
        devServices = devServices == null ? Set.of() : Set.copyOf(devServices);
        if (defaultRetention.isNegative()) {
            throw new IllegalArgumentException("defaultRetention must not be negative, was " + defaultRetention);
        }
    }

    /** Without dev-mode services. */
    public ServingConfig(Path repoRoot, Map<String, String> env, URI brokerUrl, Path logDir, Duration defaultRetention) {
        this(repoRoot, env, brokerUrl, logDir, defaultRetention, Set.of());
    }
}
