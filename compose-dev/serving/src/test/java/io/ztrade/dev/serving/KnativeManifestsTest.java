package io.ztrade.dev.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The manifests in {@code knative/} are what a cluster accepts and what the local platform can run. */
class KnativeManifestsTest {

    private static final Path ROOT = Repository.root();
    private static final ServingConfig LOCAL = new ServingConfig(ROOT, Map.of(), null, ROOT.resolve(".ztrade/logs"), null);

    private final ServingManifests manifests = ServingManifests.read(ROOT.resolve("knative"));

    @Test
    void everyKnativeServiceRunsTheArtifactOfAnExistingFunctionModule() {
        assertThat(manifests.services()).isNotEmpty();
        for (Service s : manifests.services()) {
            Workload w = Workload.of(s, LOCAL);
            assertThat(ROOT.resolve(w.module()).resolve("pom.xml")).as(s.getMetadata().getName()).isRegularFile();
            assertThat(w.module()).isEqualTo("functions/" + s.getMetadata().getName());
            assertThat(s.getMetadata().getNamespace()).isEqualTo("ztrade");
            assertThat(ROOT.resolve("knative/functions/" + s.getMetadata().getName() + ".yaml")).as("one file per function, named after it")
                    .isRegularFile();
        }
    }

    @Test
    void everyFunctionModuleHasAKnativeService() throws IOException {
        List<String> named = manifests.services().stream().map(s -> s.getMetadata().getName()).toList();
        try (Stream<Path> modules = Files.list(ROOT.resolve("functions"))) {
            assertThat(modules.filter(m -> Files.isRegularFile(m.resolve("pom.xml"))).map(m -> m.getFileName().toString()))
                    .allMatch(named::contains);
        }
    }

    @Test
    void theBacktestServiceScalesFromZeroWithinLimits() {
        Service backtest = service("backtest");
        Workload w = Workload.of(backtest, LOCAL);

        assertThat(w.scaling().minScale()).isZero();
        assertThat(w.scaling().maxScale()).isPositive();
        assertThat(w.scaling().target()).isPositive().isLessThanOrEqualTo(w.scaling().containerConcurrency());
        assertThat(w.scaling().retention()).isEqualTo(Duration.ofMinutes(1));
        assertThat(w.readinessPath()).isEqualTo("/q/health/ready");
        Container c = backtest.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(c.getImage()).isEqualTo("ztrade/fn-backtest:0.1.0-SNAPSHOT");
        assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(c.getResources().getLimits()).containsKey("memory");
        assertThat(c.getEnv()).extracting(EnvVar::getName).contains("ZTRADE_DB_URL", "ZTRADE_DB_USER", "ZTRADE_DB_PASSWORD");
        assertThat(c.getEnv()).filteredOn(e -> e.getName().startsWith("ZTRADE_DB_"))
                .allSatisfy(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("ztrade-db"));
    }

    @Test
    void theOrderbookIsOneAlwaysOnReplicaRolledThroughItsConsumerGroup() {
        assertThat(manifests.deployments()).extracting(d -> d.getMetadata().getName()).containsExactly("orderbook");
        Deployment orderbook = manifests.deployments().get(0);
        Workload w = Workload.of(orderbook, LOCAL);

        assertThat(w.module()).isEqualTo("orderbook/service");
        assertThat(w.scaling().minScale()).isEqualTo(1);
        assertThat(orderbook.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(orderbook.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
        Container c = orderbook.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(c.getPorts()).extracting(p -> p.getContainerPort()).containsExactly(8080);
        assertThat(w.readinessPath()).isEqualTo("/q/health/ready");
        assertThat(c.getEnv()).extracting(EnvVar::getName)
                .contains("PORT", "KAFKA_BOOTSTRAP_SERVERS", "ZTRADE_DB_URL", "ZTRADE_DB_USER", "ZTRADE_DB_PASSWORD", "ZTRADE_ORDERBOOK_TOKEN");
        assertThat(c.getEnv()).filteredOn(e -> e.getName().equals("ZTRADE_ORDERBOOK_TOKEN"))
                .allSatisfy(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("ztrade-orderbook"));
        assertThat(orderbook.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(orderbook.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void everyManifestIsListedInItsFoldersKustomization() throws IOException {
        try (Stream<Path> dirs = Files.walk(ROOT.resolve("knative"))) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Path kustomization = dir.resolve("kustomization.yaml");
                assertThat(kustomization).as(dir + " has a kustomization").isRegularFile();
                String listed = Files.readString(kustomization);
                try (Stream<Path> entries = Files.list(dir)) {
                    for (Path entry : entries.toList()) {
                        String name = entry.getFileName().toString();
                        if (Files.isDirectory(entry) || (name.endsWith(".yaml") && !name.equals("kustomization.yaml"))) {
                            assertThat(listed).as(kustomization + " lists " + name).containsPattern("(?m)^\\s*-\\s*" + name.replace(".", "\\.") + "\\s*$");
                        }
                    }
                }
            }
        }
    }

    private Service service(String name) {
        return manifests.services().stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }
}
