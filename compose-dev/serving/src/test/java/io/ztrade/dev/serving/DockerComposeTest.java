package io.ztrade.dev.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@code compose-dev/docker-compose.yml} runs the topology the manifests describe, container for container. */
class DockerComposeTest {

    private static final Path ROOT = Repository.root();
    private static final ServingConfig LOCAL = new ServingConfig(ROOT, Map.of(), null, ROOT.resolve(".ztrade/logs"), null);
    private static final Set<String> INFRASTRUCTURE = Set.of("kafka", "postgres", "redis", "emulator");

    private final ServingManifests manifests = ServingManifests.read(ROOT.resolve("knative"));
    private final JsonNode services;

    DockerComposeTest() throws IOException {
        services = new YAMLMapper().readTree(ROOT.resolve("compose-dev/docker-compose.yml").toFile()).get("services");
    }

    private List<Workload> workloads() {
        List<Workload> all = new ArrayList<>();
        manifests.services().forEach(s -> all.add(Workload.of(s, LOCAL)));
        manifests.deployments().forEach(d -> all.add(Workload.of(d, LOCAL)));
        return all;
    }

    @Test
    void namesEveryKnativeServiceAndDeploymentOfTheManifests() {
        List<String> names = new ArrayList<>();
        manifests.services().stream().map(HasMetadata::getMetadata).forEach(m -> names.add(m.getName()));
        manifests.deployments().stream().map(HasMetadata::getMetadata).forEach(m -> names.add(m.getName()));

        assertThat(names).contains("backtest", "orderbook");
        assertThat(fieldNames(services)).containsAll(names).containsAll(INFRASTRUCTURE);
    }

    @Test
    void buildsEveryWorkloadFromTheModuleItsManifestNames() {
        for (Workload w : workloads()) {
            JsonNode build = services.get(w.name()).get("build");
            assertThat(build.get("context").asText()).as(w.name()).isEqualTo("../" + w.module());
            assertThat(build.get("dockerfile").asText()).as(w.name()).isEqualTo("src/main/docker/Dockerfile.jvm");
            assertThat(services.get(w.name()).get("environment").get("PORT").asText()).isEqualTo("8080");
        }
    }

    @Test
    void everyFunctionHasTheQuarkusDockerfilesItsContainerIsBuiltFrom() {
        for (Workload w : workloads()) {
            if (w.isService()) {
                assertThat(ROOT.resolve(w.module()).resolve("src/main/docker/Dockerfile.jvm")).isRegularFile();
                assertThat(ROOT.resolve(w.module()).resolve("src/main/docker/Dockerfile.native")).isRegularFile();
            }
        }
    }

    @Test
    void buildsNoContainerTheManifestsDoNotName() {
        Set<String> expected = new TreeSet<>(INFRASTRUCTURE);
        workloads().forEach(w -> expected.add(w.name()));

        assertThat(fieldNames(services)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theEmulatorRoutesToTheContainersOverExternalInfrastructure() {
        JsonNode env = services.get("emulator").get("environment");

        assertThat(env.get("ZTRADE_INFRA_EXTERNAL").asText()).isEqualTo("true");
        assertThat(env.get("ZTRADE_SERVING_ENABLED").asText()).isEqualTo("false");
        assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka:9092");
        assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL").asText()).contains("//postgres:5432/");
        for (Workload w : workloads()) {
            String key = "ZTRADE_SERVICES_" + w.name().toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
            assertThat(env.get(key)).as(key).isNotNull();
            assertThat(env.get(key).asText()).isEqualTo("http://" + w.name() + ":8080");
        }
        assertThat(services.get("emulator").get("volumes").toString()).contains("../knative:", "../eventing:");
    }

    @Test
    void functionsSendToTheBrokerAsASinkBindingWould() {
        for (Workload w : workloads()) {
            if (w.isService()) {
                assertThat(services.get(w.name()).get("environment").get("K_SINK").asText()).isEqualTo("http://emulator:8080/ztrade/default");
            }
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
