package io.ztrade.dev.emulator.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.knative.duck.v1.KReference;
import io.fabric8.knative.eventing.v1.Broker;
import io.fabric8.knative.eventing.v1.SubscriptionsAPIFilter;
import io.fabric8.knative.eventing.v1.Trigger;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.sources.v1.SinkBinding;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.ztrade.dev.emulator.broker.BrokerKey;
import io.ztrade.dev.emulator.broker.Routes;
import io.ztrade.dev.emulator.sources.KafkaSources;
import io.ztrade.dev.emulator.sources.PingSources;
import io.ztrade.events.EventCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The manifests that go to the cluster ({@code knative/}, {@code eventing/}, {@code infra/}) are
 * typed Knative/Kubernetes resources whose references hold: what the emulator routes locally is
 * what the cluster would route.
 */
class RepositoryManifestsTest {

    static final Path REPO = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
    static final List<Path> FOLDERS = List.of(REPO.resolve("knative"), REPO.resolve("eventing"), REPO.resolve("infra"));
    /** Types Knative's own sources emit. */
    static final Set<String> KNATIVE_TYPES = Set.of(PingSources.EVENT_TYPE, KafkaSources.EVENT_TYPE);
    static final Pattern CESQL_TYPE = Pattern.compile("\\btype\\s*=\\s*'([^']+)'");

    static final Topology TOPOLOGY = Manifests.load(FOLDERS);

    @Test
    void everyManifestParsesIntoATypedModel() {
        assertThat(TOPOLOGY.manifests()).isNotEmpty();
        List<String> untyped = TOPOLOGY.manifests().stream()
                .filter(m -> m.resource() instanceof GenericKubernetesResource)
                .filter(m -> m.resource().getApiVersion().contains("knative.dev") || m.resource().getApiVersion().equals("v1")
                        || m.resource().getApiVersion().startsWith("apps/"))
                .map(m -> m.origin() + " " + m.resource().getApiVersion() + " " + m.kind())
                .toList();
        assertThat(untyped).as("Knative and core resources without a typed model (misspelt kind or apiVersion?)").isEmpty();
        assertThat(TOPOLOGY.brokers()).isNotEmpty();
        assertThat(TOPOLOGY.triggers()).isNotEmpty();
        assertThat(TOPOLOGY.knativeServices()).isNotEmpty();
    }

    @Test
    void brokersTriggersAndSourcesCompileAsTheEmulatorRunsThem() {
        Map<BrokerKey, ?> brokers = Routes.compile(TOPOLOGY, Duration.ofMinutes(5), 1);
        assertThat(brokers).containsKey(new BrokerKey("ztrade", "default"));
        TOPOLOGY.pingSources().forEach(p -> PingSources.compile(TOPOLOGY, p));
        TOPOLOGY.kafkaSources().forEach(k -> KafkaSources.compile(TOPOLOGY, k, Duration.ofMinutes(5)));
    }

    @Test
    void everyTriggersBrokerExists() {
        for (Trigger t : TOPOLOGY.triggers()) {
            BrokerKey key = Routes.brokerOf(t);
            assertThat(key).as("broker of trigger %s", t.getMetadata().getName()).isNotNull();
            assertThat(TOPOLOGY.find(Broker.class, key.namespace(), key.name()))
                    .as("broker %s of trigger %s", key, t.getMetadata().getName()).isPresent();
        }
    }

    @Test
    void everySubscriberServiceIsAKnativeServiceOfKnativeFolder() {
        Topology knative = Manifests.load(List.of(REPO.resolve("knative")));
        for (Trigger t : TOPOLOGY.triggers()) {
            KReference ref = t.getSpec().getSubscriber().getRef();
            if (ref == null || !"Service".equals(ref.getKind())) {
                continue;
            }
            String ns = ref.getNamespace() == null ? t.getMetadata().getNamespace() : ref.getNamespace();
            assertThat(knative.find(Service.class, ns, ref.getName()))
                    .as("subscriber Service %s/%s of trigger %s in knative/", ns, ref.getName(), t.getMetadata().getName())
                    .isPresent();
        }
    }

    @Test
    void everyFilteredTypeIsInTheEventCatalog() {
        Set<String> unknown = new TreeSet<>();
        for (Trigger t : TOPOLOGY.triggers()) {
            for (String type : filteredTypes(t)) {
                if (!EventCatalog.contains(type) && !KNATIVE_TYPES.contains(type)) {
                    unknown.add(t.getMetadata().getName() + ": " + type);
                }
            }
        }
        assertThat(unknown).as("types filtered on that no catalog entry declares").isEmpty();
    }

    @Test
    void everyFunctionIsSubscribedByATrigger() {
        Set<String> subscribed = new HashSet<>();
        for (Trigger t : TOPOLOGY.triggers()) {
            KReference ref = t.getSpec().getSubscriber().getRef();
            if (ref != null && "Service".equals(ref.getKind())) {
                subscribed.add(ref.getName());
            }
        }
        List<String> unsubscribed = TOPOLOGY.knativeServices().stream().map(s -> s.getMetadata().getName())
                .filter(n -> !subscribed.contains(n)).toList();
        assertThat(unsubscribed).as("Knative Services no Trigger delivers to").isEmpty();
    }

    @Test
    void functionsGetTheBrokerAsSinkThroughASinkBinding() {
        List<SinkBinding> bindings = TOPOLOGY.all(SinkBinding.class);
        assertThat(bindings).isNotEmpty();
        for (Service fn : TOPOLOGY.knativeServices()) {
            boolean bound = bindings.stream().anyMatch(b -> {
                var subject = b.getSpec().getSubject();
                if (!"Service".equals(subject.getKind()) || !subject.getApiVersion().startsWith("serving.knative.dev/")) {
                    return false;
                }
                if (subject.getName() != null) {
                    return subject.getName().equals(fn.getMetadata().getName());
                }
                Map<String, String> labels = fn.getMetadata().getLabels() == null ? Map.of() : fn.getMetadata().getLabels();
                return subject.getSelector() != null && labels.entrySet().containsAll(subject.getSelector().getMatchLabels().entrySet());
            });
            assertThat(bound).as("a SinkBinding selects function %s", fn.getMetadata().getName()).isTrue();
        }
    }

    @Test
    void eventingIsLaidOutLikeKnativeConfigCore() throws IOException {
        Path eventing = REPO.resolve("eventing");
        for (Path file : Manifests.yamlFiles(eventing)) {
            assertThat(file.getFileName().toString()).as("apply-order prefix of %s", eventing.relativize(file)).matches("\\d{3}-[a-z0-9-]+\\.yaml");
        }
        for (Manifest m : Manifests.load(List.of(eventing.resolve("triggers"))).manifests()) {
            assertThat(m.document()).as("one Trigger per file: %s", m.file()).isZero();
            assertThat(m.file().getFileName().toString()).as("file of trigger %s", m.name()).endsWith("-" + m.name() + ".yaml");
            Trigger t = (Trigger) m.resource();
            KReference ref = t.getSpec().getSubscriber().getRef();
            assertThat(m.name()).as("trigger named after its subscriber").startsWith(ref.getName() + "-");
        }
    }

    @Test
    void everyKustomizationListsExactlyItsFolder() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (Path root : FOLDERS) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<Path> dirs;
            try (Stream<Path> s = Files.walk(root)) {
                dirs = s.filter(Files::isDirectory).toList();
            }
            for (Path dir : dirs) {
                Path k = dir.resolve("kustomization.yaml");
                assertThat(k).as("kustomization of %s", REPO.relativize(dir)).exists();
                JsonNode node = yaml.readTree(k.toFile());
                Set<String> listed = new TreeSet<>();
                node.path("resources").forEach(r -> listed.add(r.asText().replaceAll("/$", "")));
                Set<String> present = new TreeSet<>();
                try (Stream<Path> s = Files.list(dir)) {
                    s.forEach(p -> {
                        String n = p.getFileName().toString();
                        if (Files.isDirectory(p) || (n.endsWith(".yaml") && !n.equals("kustomization.yaml"))) {
                            present.add(n);
                        }
                    });
                }
                assertThat(listed).as("resources of %s", REPO.relativize(k)).isEqualTo(present);
            }
        }
    }

    @Test
    void rejectsATriggerOnABrokerThatDoesNotExist(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("t.yaml"), """
                apiVersion: eventing.knative.dev/v1
                kind: Trigger
                metadata: {name: lost, namespace: ztrade}
                spec:
                  broker: nowhere
                  subscriber: {uri: "http://localhost:1/"}
                """);
        Topology t = Manifests.load(List.of(dir));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Routes.compile(t, Duration.ofSeconds(1), 1))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("t.yaml")
                .hasMessageContaining("spec.broker: no Broker ztrade/nowhere");
    }

    @Test
    void namespacesComeFromTheNearestKustomization(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("kustomization.yaml"), "namespace: trading\nresources: [sub]\n");
        Files.writeString(dir.resolve("sub/b.yaml"), """
                apiVersion: eventing.knative.dev/v1
                kind: Broker
                metadata: {name: default}
                ---
                apiVersion: eventing.knative.dev/v1
                kind: Broker
                metadata: {name: other, namespace: explicit}
                """);
        Topology t = Manifests.load(List.of(dir));
        assertThat(t.brokers()).extracting(b -> b.getMetadata().getNamespace() + "/" + b.getMetadata().getName())
                .containsExactly("trading/default", "explicit/other");
    }

    static List<String> filteredTypes(Trigger t) {
        List<String> out = new ArrayList<>();
        var spec = t.getSpec();
        if (spec.getFilters() != null && !spec.getFilters().isEmpty()) {
            spec.getFilters().forEach(f -> collect(f, out));
        } else if (spec.getFilter() != null && spec.getFilter().getAttributes() != null) {
            String type = spec.getFilter().getAttributes().get("type");
            if (type != null && !type.isEmpty()) {
                out.add(type);
            }
        }
        return out;
    }

    static void collect(SubscriptionsAPIFilter f, List<String> out) {
        if (f.getExact() != null && f.getExact().containsKey("type")) {
            out.add(f.getExact().get("type"));
        }
        if (f.getPrefix() != null && f.getPrefix().containsKey("type")) {
            String prefix = f.getPrefix().get("type");
            boolean any = EventCatalog.entries().stream().anyMatch(e -> e.type().startsWith(prefix));
            out.add(any ? EventCatalog.entries().stream().filter(e -> e.type().startsWith(prefix)).findFirst().get().type() : prefix + "*");
        }
        if (f.getCesql() != null) {
            Matcher m = CESQL_TYPE.matcher(f.getCesql());
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        if (f.getAll() != null) {
            f.getAll().forEach(x -> collect(x, out));
        }
        if (f.getAny() != null) {
            f.getAny().forEach(x -> collect(x, out));
        }
    }
}
