package io.ztrade.deploy;

import io.fabric8.knative.eventing.v1.Broker;
import io.fabric8.knative.eventing.v1.Trigger;
import io.fabric8.knative.duck.v1.KReference;
import io.fabric8.knative.sources.v1.PingSource;
import io.fabric8.knative.sources.v1.SinkBinding;
import io.fabric8.knative.sources.v1beta1.KafkaSource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.ztrade.deploy.StrictManifests.Resource;
import io.ztrade.events.EventCatalog;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules every rendered set of manifests (an overlay's output) must keep. Each method returns
 * its violations, one line each, naming the resource; deploy/README.md lists the same rules.
 */
final class Rules {

    static final String MODULE_ANNOTATION = "ztrade.io/module";
    static final String AUTOSCALING = "autoscaling.knative.dev/";
    /** Types Knative's own sources emit (PingSource, KafkaSource). */
    static final Set<String> KNATIVE_SOURCE_TYPES = Set.of("dev.knative.sources.ping", "dev.knative.kafka.event");
    static final String ORDERED = "kafka.eventing.knative.dev/delivery.order";
    /** Event types whose consumers need them in order (a fill after its acceptance). */
    static final String ORDER_EVENTS = "io.ztrade.order.";
    private static final Pattern GO_DURATION = Pattern.compile("(\\d+(\\.\\d+)?(ns|us|ms|s|m|h))+|0");
    private static final Pattern CESQL_TYPE = Pattern.compile("\\btype\\s*=\\s*'([^']+)'");
    private static final Pattern PROPERTY_REF = Pattern.compile("\\$\\{([^}:]+)(:[^}]*)?}");

    private final List<Resource> resources;
    /** Secrets the manifests reference but an operator creates (deploy/secrets), by name. */
    private final Map<String, Secret> secretTemplates;

    Rules(List<Resource> resources, List<Resource> secretTemplates) {
        this.resources = resources;
        this.secretTemplates = new LinkedHashMap<>();
        secretTemplates.forEach(r -> this.secretTemplates.put(r.name(), (Secret) r.model()));
    }

    List<Resource> resources() {
        return resources;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().map(Resource::model).filter(type::isInstance).map(type::cast).toList();
    }

    private <T extends HasMetadata> Optional<T> find(Class<T> type, String namespace, String name) {
        return all(type).stream().filter(r -> Objects.equals(r.getMetadata().getName(), name)
                && (namespace == null || Objects.equals(r.getMetadata().getNamespace(), namespace))).findFirst();
    }

    // ------------------------------------------------------------------ pods

    /** Pod Security "restricted", resources and probes, pinned images. */
    List<String> podsAreRestrictedAndSized() {
        List<String> out = new ArrayList<>();
        for (Workload w : Workload.of(resources)) {
            PodSecurityContext psc = w.pod().getSecurityContext();
            boolean podNonRoot = psc != null && Boolean.TRUE.equals(psc.getRunAsNonRoot());
            boolean podSeccomp = psc != null && psc.getSeccompProfile() != null
                    && Set.of("RuntimeDefault", "Localhost").contains(psc.getSeccompProfile().getType());
            if (psc != null && psc.getRunAsUser() != null && psc.getRunAsUser() == 0) {
                out.add(w.name() + ": runs as user 0");
            }
            if (Boolean.TRUE.equals(w.pod().getHostNetwork()) || Boolean.TRUE.equals(w.pod().getHostPID())
                    || Boolean.TRUE.equals(w.pod().getHostIPC())) {
                out.add(w.name() + ": uses the host's network, PID or IPC namespace");
            }
            for (Volume v : list(w.pod().getVolumes())) {
                if (v.getHostPath() != null) {
                    out.add(w.name() + ": volume " + v.getName() + " is a hostPath");
                }
            }
            for (Container c : concat(w.pod().getInitContainers(), w.pod().getContainers())) {
                String where = w.name() + " container " + c.getName();
                SecurityContext sc = c.getSecurityContext();
                if (sc == null) {
                    out.add(where + ": no securityContext");
                    continue;
                }
                if (!(podNonRoot || Boolean.TRUE.equals(sc.getRunAsNonRoot())) || Boolean.FALSE.equals(sc.getRunAsNonRoot())) {
                    out.add(where + ": runAsNonRoot is not true");
                }
                if (sc.getRunAsUser() != null && sc.getRunAsUser() == 0) {
                    out.add(where + ": runs as user 0");
                }
                if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                    out.add(where + ": allowPrivilegeEscalation is not false");
                }
                if (Boolean.TRUE.equals(sc.getPrivileged())) {
                    out.add(where + ": privileged");
                }
                if (sc.getCapabilities() == null || !list(sc.getCapabilities().getDrop()).contains("ALL")) {
                    out.add(where + ": capabilities do not drop ALL");
                } else if (!list(sc.getCapabilities().getAdd()).stream().allMatch("NET_BIND_SERVICE"::equals)) {
                    out.add(where + ": adds capabilities " + sc.getCapabilities().getAdd());
                }
                boolean seccomp = podSeccomp || (sc.getSeccompProfile() != null
                        && Set.of("RuntimeDefault", "Localhost").contains(sc.getSeccompProfile().getType()));
                if (!seccomp) {
                    out.add(where + ": no RuntimeDefault seccomp profile");
                }
                var res = c.getResources();
                if (res == null || res.getRequests() == null || !res.getRequests().keySet().containsAll(Set.of("cpu", "memory"))) {
                    out.add(where + ": requests must name cpu and memory");
                }
                if (res == null || res.getLimits() == null || !res.getLimits().containsKey("memory")) {
                    out.add(where + ": limits must name memory");
                }
                if (w.pod().getContainers().contains(c)) {
                    if (c.getReadinessProbe() == null) {
                        out.add(where + ": no readinessProbe");
                    }
                    if (c.getLivenessProbe() == null) {
                        out.add(where + ": no livenessProbe");
                    }
                }
                String image = c.getImage() == null ? "" : c.getImage();
                int slash = image.lastIndexOf('/');
                if (!image.substring(slash + 1).contains(":") || image.endsWith(":latest")) {
                    out.add(where + ": image '" + image + "' is not pinned to a version");
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ JVM

    private static final Pattern COLLECTOR = Pattern.compile("-XX:\\+Use\\w+GC");
    private static final Pattern JVM_SIZE = Pattern.compile("(\\d+)([kKmMgG]?)");
    /** What a JVM takes beyond heap, metaspace and code cache (threads, GC, symbols, the AOT cache, libraries), measured by NMT (bench/README.md). */
    static final long JVM_OVERHEAD_BYTES = 96L << 20;

    /**
     * A function's JVM is bounded and fits its container (ADR 0021): every Knative Service sets
     * {@code -Xmx} and {@code -XX:MaxMetaspaceSize} in a literal {@code JAVA_OPTS_APPEND}; heap,
     * metaspace, code cache and {@value #JVM_OVERHEAD_BYTES} bytes for the rest fit the memory limit;
     * at most one collector is chosen between {@code GC_CONTAINER_OPTIONS} and {@code JAVA_OPTS_APPEND}
     * (the JVM refuses to start with two).
     */
    List<String> jvmsAreBoundedToTheirContainers() {
        List<String> out = new ArrayList<>();
        for (Workload w : Workload.of(resources)) {
            for (Container c : w.pod().getContainers()) {
                String where = w.name() + " container " + c.getName();
                Map<String, String> literal = new HashMap<>();
                for (EnvVar e : list(c.getEnv())) {
                    if (e.getValueFrom() == null && e.getValue() != null) {
                        literal.put(e.getName(), e.getValue());
                    }
                }
                String opts = literal.getOrDefault("JAVA_OPTS_APPEND", "");
                String gc = literal.getOrDefault("GC_CONTAINER_OPTIONS", "");
                List<String> collectors = COLLECTOR.matcher(gc + " " + opts).results().map(m -> m.group()).distinct().toList();
                if (collectors.size() > 1) {
                    out.add(where + ": more than one collector " + collectors + " (the JVM does not start)");
                }
                if (!(w.owner() instanceof io.fabric8.knative.serving.v1.Service)) {
                    continue;
                }
                Optional<Long> heap = jvmOption(opts, "-Xmx");
                Optional<Long> metaspace = jvmOption(opts, "-XX:MaxMetaspaceSize=");
                if (heap.isEmpty() || metaspace.isEmpty()) {
                    out.add(where + ": JAVA_OPTS_APPEND must bound the heap (-Xmx) and the metaspace (-XX:MaxMetaspaceSize), was '" + opts + "'");
                    continue;
                }
                // HotSpot's default code cache: 48 MiB with C1 only, 240 MiB with tiered compilation
                long code = jvmOption(opts, "-XX:ReservedCodeCacheSize=").orElse(opts.contains("-XX:TieredStopAtLevel=1") ? 48L << 20 : 240L << 20);
                var limits = c.getResources() == null ? null : c.getResources().getLimits();
                if (limits == null || !limits.containsKey("memory")) {
                    continue; // podsAreRestrictedAndSized reports it
                }
                long limit = io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(limits.get("memory")).longValue();
                long needed = heap.get() + metaspace.get() + code + JVM_OVERHEAD_BYTES;
                if (needed > limit) {
                    out.add(String.format("%s: heap %d MiB + metaspace %d MiB + code cache %d MiB + %d MiB for the rest exceed the memory limit %s",
                            where, heap.get() >> 20, metaspace.get() >> 20, code >> 20, JVM_OVERHEAD_BYTES >> 20, limits.get("memory")));
                }
            }
        }
        return out;
    }

    /** The size an option such as {@code -Xmx96m} gives, in bytes; the last one wins, as in the JVM. */
    static Optional<Long> jvmOption(String options, String prefix) {
        Long value = null;
        for (String o : options.strip().split("\\s+")) {
            if (o.startsWith(prefix)) {
                Matcher m = JVM_SIZE.matcher(o.substring(prefix.length()));
                if (m.matches()) {
                    long n = Long.parseLong(m.group(1));
                    value = switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
                        case "k" -> n << 10;
                        case "m" -> n << 20;
                        case "g" -> n << 30;
                        default -> n;
                    };
                }
            }
        }
        return Optional.ofNullable(value);
    }

    // ------------------------------------------------------------------ Knative Services

    /** Explicit, valid autoscaling; concurrency and timeout bounds; the labels the platform selects on. */
    List<String> knativeServicesScaleExplicitly() {
        List<String> out = new ArrayList<>();
        for (var s : all(io.fabric8.knative.serving.v1.Service.class)) {
            String where = "Knative Service " + s.getMetadata().getName();
            var template = s.getSpec().getTemplate();
            Map<String, String> a = template.getMetadata() == null || template.getMetadata().getAnnotations() == null
                    ? Map.of() : template.getMetadata().getAnnotations();
            Map<String, Integer> ints = new HashMap<>();
            for (String key : List.of("min-scale", "max-scale", "initial-scale")) {
                String v = a.get(AUTOSCALING + key);
                if (v == null) {
                    out.add(where + ": no " + AUTOSCALING + key);
                } else if (!v.matches("\\d+")) {
                    out.add(where + ": " + AUTOSCALING + key + " '" + v + "' is not a whole number");
                } else {
                    ints.put(key, Integer.parseInt(v));
                }
            }
            Integer min = ints.get("min-scale");
            Integer max = ints.get("max-scale");
            Integer initial = ints.get("initial-scale");
            if (max != null && max < 1) {
                out.add(where + ": max-scale must bound the replicas (at least 1; 0 means unbounded)");
            }
            if (min != null && max != null && min > max) {
                out.add(where + ": min-scale " + min + " exceeds max-scale " + max);
            }
            if (initial != null && (initial < 1 || (max != null && initial > max) || (min != null && initial < min))) {
                out.add(where + ": initial-scale " + initial + " must be between max(1, min-scale) and max-scale");
            }
            String cls = a.getOrDefault(AUTOSCALING + "class", "kpa.autoscaling.knative.dev");
            String metric = a.get(AUTOSCALING + "metric");
            Set<String> metrics = cls.equals("hpa.autoscaling.knative.dev") ? Set.of("cpu", "memory") : Set.of("concurrency", "rps");
            if (!Set.of("kpa.autoscaling.knative.dev", "hpa.autoscaling.knative.dev").contains(cls)) {
                out.add(where + ": unknown autoscaling class '" + cls + "'");
            }
            if (metric == null || !metrics.contains(metric)) {
                out.add(where + ": " + AUTOSCALING + "metric '" + metric + "' is not one of " + new TreeSet<>(metrics) + " for " + cls);
            }
            String target = a.get(AUTOSCALING + "target");
            double t = -1;
            try {
                t = target == null ? -1 : Double.parseDouble(target);
            } catch (NumberFormatException e) {
                // reported below
            }
            if (!(t > 0)) {
                out.add(where + ": " + AUTOSCALING + "target '" + target + "' is not a positive number");
            }
            String retention = a.get(AUTOSCALING + "scale-to-zero-pod-retention-period");
            if (retention == null || !GO_DURATION.matcher(retention).matches()) {
                out.add(where + ": " + AUTOSCALING + "scale-to-zero-pod-retention-period '" + retention + "' is not a duration");
            }
            Long cc = template.getSpec().getContainerConcurrency();
            if (cc == null || cc < 1) {
                out.add(where + ": containerConcurrency must be set (at least 1)");
            } else if ("concurrency".equals(metric) && t > cc) {
                out.add(where + ": target " + target + " exceeds containerConcurrency " + cc);
            }
            Long timeout = template.getSpec().getTimeoutSeconds();
            if (timeout == null || timeout < 1 || timeout > 600) {
                out.add(where + ": timeoutSeconds " + timeout + " must be set, at most 600 (Knative's default maximum)");
            }
            Map<String, String> labels = template.getMetadata() == null || template.getMetadata().getLabels() == null
                    ? Map.of() : template.getMetadata().getLabels();
            if (!"function".equals(labels.get("app.kubernetes.io/component"))
                    || !s.getMetadata().getName().equals(labels.get("app.kubernetes.io/name"))) {
                out.add(where + ": its pods must carry app.kubernetes.io/component=function and app.kubernetes.io/name="
                        + s.getMetadata().getName() + " (NetworkPolicies, PodMonitor and SinkBinding select on them)");
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ images

    /** A workload built here runs the image its module's build produces (Jib settings in application.properties). */
    List<String> imagesAreTheOnesTheBuildProduces() {
        List<String> out = new ArrayList<>();
        for (Workload w : Workload.of(resources)) {
            Map<String, String> ann = w.owner().getMetadata().getAnnotations() == null ? Map.of() : w.owner().getMetadata().getAnnotations();
            String module = ann.get(MODULE_ANNOTATION);
            for (Container c : w.pod().getContainers()) {
                if (module == null) {
                    if (c.getImage() != null && c.getImage().startsWith("ztrade/")) {
                        out.add(w.name() + ": image " + c.getImage() + " is a Ztrade image but no " + MODULE_ANNOTATION + " says which module builds it");
                    }
                    continue;
                }
                Optional<String> expected = builtImage(module);
                if (expected.isEmpty()) {
                    out.add(w.name() + ": module " + module + " builds no container image (quarkus.container-image.* in its application.properties)");
                } else if (!expected.get().equals(c.getImage())) {
                    out.add(w.name() + ": image " + c.getImage() + " is not " + expected.get() + ", the image module " + module + " builds");
                }
            }
        }
        return out;
    }

    /** {@code group/name:tag} from the module's application.properties, the tag resolved against the project version. */
    static Optional<String> builtImage(String module) {
        Properties p = moduleProperties(module);
        String group = p.getProperty("quarkus.container-image.group");
        String name = p.getProperty("quarkus.container-image.name");
        String tag = p.getProperty("quarkus.container-image.tag");
        if (group == null || name == null || tag == null) {
            return Optional.empty();
        }
        String registry = p.getProperty("quarkus.container-image.registry");
        return Optional.of((registry == null ? "" : registry + "/") + group + "/" + name + ":" + resolve(tag, p));
    }

    static Properties moduleProperties(String module) {
        Path file = Repository.ROOT.resolve(module).resolve("src/main/resources/application.properties");
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }

    private static String resolve(String value, Properties p) {
        Matcher m = PROPERTY_REF.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String v = key.equals("quarkus.application.version") ? ProjectVersion.get() : p.getProperty(key);
            if (v == null && m.group(2) != null) {
                v = m.group(2).substring(1);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    // ------------------------------------------------------------------ references

    /** Every Secret, ConfigMap, ServiceAccount and Role a resource names exists, with the keys it reads. */
    List<String> referencesResolve() {
        List<String> out = new ArrayList<>();
        for (Workload w : Workload.of(resources)) {
            String ns = w.owner().getMetadata().getNamespace();
            String sa = w.pod().getServiceAccountName();
            if (sa == null) {
                out.add(w.name() + ": no serviceAccountName (the namespace's default account is not used)");
            } else if (find(ServiceAccount.class, ns, sa).isEmpty()) {
                out.add(w.name() + ": ServiceAccount " + sa + " does not exist");
            }
            for (Container c : concat(w.pod().getInitContainers(), w.pod().getContainers())) {
                for (EnvVar e : list(c.getEnv())) {
                    if (e.getValueFrom() == null) {
                        continue;
                    }
                    var s = e.getValueFrom().getSecretKeyRef();
                    if (s != null && !Boolean.TRUE.equals(s.getOptional())) {
                        secretKey(w.name() + " env " + e.getName(), s.getName(), s.getKey(), out);
                    }
                    var cm = e.getValueFrom().getConfigMapKeyRef();
                    if (cm != null && !Boolean.TRUE.equals(cm.getOptional())) {
                        configMapKey(w.name() + " env " + e.getName(), ns, cm.getName(), cm.getKey(), out);
                    }
                }
                for (var from : list(c.getEnvFrom())) {
                    if (from.getSecretRef() != null) {
                        secretKey(w.name() + " envFrom", from.getSecretRef().getName(), null, out);
                    }
                    if (from.getConfigMapRef() != null) {
                        configMapKey(w.name() + " envFrom", ns, from.getConfigMapRef().getName(), null, out);
                    }
                }
            }
            for (Volume v : list(w.pod().getVolumes())) {
                if (v.getSecret() != null) {
                    secretKey(w.name() + " volume " + v.getName(), v.getSecret().getSecretName(), null, out);
                }
                if (v.getConfigMap() != null) {
                    configMapKey(w.name() + " volume " + v.getName(), ns, v.getConfigMap().getName(), null, out);
                }
            }
        }
        for (Resource r : resources) {
            if (CloudNativePgFields.covers(r.model().getApiVersion() + "/" + r.kind()) && r.kind().equals("Cluster")) {
                var init = r.tree().at("/spec/bootstrap/initdb/secret/name");
                if (!init.isMissingNode()) {
                    secretKey("Cluster " + r.name() + " initdb", init.asText(), "username", out);
                    secretKey("Cluster " + r.name() + " initdb", init.asText(), "password", out);
                }
                var s3 = r.tree().at("/spec/backup/barmanObjectStore/s3Credentials");
                s3.fields().forEachRemaining(f -> {
                    if (f.getValue().has("name")) {
                        secretKey("Cluster " + r.name() + " s3Credentials." + f.getKey(), f.getValue().get("name").asText(),
                                f.getValue().path("key").asText(null), out);
                    }
                });
            }
            if (r.kind().equals("ScheduledBackup")) {
                String cluster = r.tree().at("/spec/cluster/name").asText();
                if (resources.stream().noneMatch(o -> o.kind().equals("Cluster") && o.name().equals(cluster))) {
                    out.add("ScheduledBackup " + r.name() + ": Cluster " + cluster + " does not exist");
                }
            }
        }
        for (Kafka k : all(Kafka.class)) {
            var mc = k.getSpec().getKafka().getMetricsConfig();
            if (mc instanceof io.strimzi.api.kafka.model.common.metrics.JmxPrometheusExporterMetrics jmx
                    && jmx.getValueFrom() != null && jmx.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = jmx.getValueFrom().getConfigMapKeyRef();
                configMapKey("Kafka " + k.getMetadata().getName() + " metricsConfig", k.getMetadata().getNamespace(), ref.getName(), ref.getKey(), out);
            }
        }
        for (Broker b : all(Broker.class)) {
            KReference config = b.getSpec().getConfig();
            if (config != null && "ConfigMap".equals(config.getKind())) {
                configMapKey("Broker " + b.getMetadata().getName() + " config", b.getMetadata().getNamespace(), config.getName(), null, out);
            }
        }
        for (RoleBinding rb : all(RoleBinding.class)) {
            if ("Role".equals(rb.getRoleRef().getKind()) && find(Role.class, rb.getMetadata().getNamespace(), rb.getRoleRef().getName()).isEmpty()) {
                out.add("RoleBinding " + rb.getMetadata().getName() + ": Role " + rb.getRoleRef().getName() + " does not exist");
            }
            for (var subject : list(rb.getSubjects())) {
                if ("ServiceAccount".equals(subject.getKind()) && find(ServiceAccount.class, subject.getNamespace(), subject.getName()).isEmpty()) {
                    out.add("RoleBinding " + rb.getMetadata().getName() + ": ServiceAccount " + subject.getName() + " does not exist");
                }
            }
        }
        for (ServiceAccount sa : all(ServiceAccount.class)) {
            if (!Boolean.FALSE.equals(sa.getAutomountServiceAccountToken())) {
                out.add("ServiceAccount " + sa.getMetadata().getName() + ": automountServiceAccountToken must be false (no workload calls the API)");
            }
        }
        return out;
    }

    private void secretKey(String where, String name, String key, List<String> out) {
        Secret s = secretTemplates.get(name);
        if (s == null) {
            s = find(Secret.class, null, name).orElse(null);
        }
        if (s == null) {
            out.add(where + ": Secret " + name + " is neither in the manifests nor a template in deploy/secrets");
            return;
        }
        Set<String> keys = new HashSet<>();
        if (s.getData() != null) {
            keys.addAll(s.getData().keySet());
        }
        if (s.getStringData() != null) {
            keys.addAll(s.getStringData().keySet());
        }
        if (key != null && !keys.contains(key)) {
            out.add(where + ": Secret " + name + " has no key " + key + " (it has " + new TreeSet<>(keys) + ")");
        }
    }

    private void configMapKey(String where, String namespace, String name, String key, List<String> out) {
        Optional<ConfigMap> cm = find(ConfigMap.class, namespace, name);
        if (cm.isEmpty()) {
            out.add(where + ": ConfigMap " + name + " does not exist");
        } else if (key != null && (cm.get().getData() == null || !cm.get().getData().containsKey(key))) {
            out.add(where + ": ConfigMap " + name + " has no key " + key);
        }
    }

    // ------------------------------------------------------------------ eventing

    /** Brokers, Triggers and sources reference what exists; types are catalogued and subscribed; orders stay ordered. */
    List<String> eventingIsWired() {
        List<String> out = new ArrayList<>();
        for (Broker b : all(Broker.class)) {
            String where = "Broker " + b.getMetadata().getName();
            Map<String, String> ann = b.getMetadata().getAnnotations() == null ? Map.of() : b.getMetadata().getAnnotations();
            if (!"Kafka".equals(ann.get("eventing.knative.dev/broker.class"))) {
                out.add(where + ": eventing.knative.dev/broker.class must be Kafka");
            }
            var d = b.getSpec().getDelivery();
            if (d == null || d.getRetry() == null || d.getRetry() < 1 || d.getBackoffPolicy() == null || d.getBackoffDelay() == null) {
                out.add(where + ": its delivery needs retry, backoffPolicy and backoffDelay");
            }
            if (d == null || d.getDeadLetterSink() == null || d.getDeadLetterSink().getRef() == null) {
                out.add(where + ": its delivery needs a deadLetterSink");
            } else {
                ref(where + " deadLetterSink", d.getDeadLetterSink().getRef(), b.getMetadata().getNamespace(), out);
            }
        }
        Map<String, Set<String>> delivered = new HashMap<>();
        for (Trigger t : all(Trigger.class)) {
            String where = "Trigger " + t.getMetadata().getName();
            String ns = t.getMetadata().getNamespace();
            if (find(Broker.class, ns, t.getSpec().getBroker()).isEmpty()) {
                out.add(where + ": Broker " + t.getSpec().getBroker() + " does not exist");
            }
            KReference sub = t.getSpec().getSubscriber() == null ? null : t.getSpec().getSubscriber().getRef();
            if (sub == null) {
                out.add(where + ": no subscriber ref");
                continue;
            }
            ref(where + " subscriber", sub, ns, out);
            Set<String> types = filteredTypes(t);
            for (String type : types) {
                if (!EventCatalog.contains(type) && !KNATIVE_SOURCE_TYPES.contains(type)) {
                    out.add(where + ": filters on " + type + ", which is not in the event catalog (shared/events)");
                }
                if (type.startsWith(ORDER_EVENTS)) {
                    Map<String, String> ann = t.getMetadata().getAnnotations() == null ? Map.of() : t.getMetadata().getAnnotations();
                    if (!"ordered".equals(ann.get(ORDERED))) {
                        out.add(where + ": delivers " + type + " and so needs " + ORDERED + ": ordered");
                    }
                }
            }
            delivered.computeIfAbsent(sub.getName(), k -> new HashSet<>()).addAll(types);
        }
        for (var s : all(io.fabric8.knative.serving.v1.Service.class)) {
            String module = s.getMetadata().getAnnotations() == null ? null : s.getMetadata().getAnnotations().get(MODULE_ANNOTATION);
            if (module == null) {
                continue;
            }
            String accepted = moduleProperties(module).getProperty("ztrade.function.accepted-types", "");
            for (String type : accepted.split(",")) {
                if (!type.isBlank() && !delivered.getOrDefault(s.getMetadata().getName(), Set.of()).contains(type.strip())) {
                    out.add("Knative Service " + s.getMetadata().getName() + ": accepts " + type.strip() + " but no Trigger delivers it");
                }
            }
        }
        for (PingSource p : all(PingSource.class)) {
            ref("PingSource " + p.getMetadata().getName() + " sink", p.getSpec().getSink().getRef(), p.getMetadata().getNamespace(), out);
        }
        for (KafkaSource k : all(KafkaSource.class)) {
            ref("KafkaSource " + k.getMetadata().getName() + " sink", k.getSpec().getSink().getRef(), k.getMetadata().getNamespace(), out);
        }
        for (SinkBinding b : all(SinkBinding.class)) {
            ref("SinkBinding " + b.getMetadata().getName() + " sink", b.getSpec().getSink().getRef(), b.getMetadata().getNamespace(), out);
        }
        return out;
    }

    static Set<String> filteredTypes(Trigger t) {
        Set<String> out = new TreeSet<>();
        if (t.getSpec().getFilter() != null && t.getSpec().getFilter().getAttributes() != null
                && t.getSpec().getFilter().getAttributes().get("type") != null) {
            out.add(t.getSpec().getFilter().getAttributes().get("type"));
        }
        for (var f : list(t.getSpec().getFilters())) {
            collect(f, out);
        }
        return out;
    }

    private static void collect(io.fabric8.knative.eventing.v1.SubscriptionsAPIFilter f, Set<String> out) {
        if (f.getExact() != null && f.getExact().get("type") != null) {
            out.add(f.getExact().get("type"));
        }
        if (f.getCesql() != null) {
            Matcher m = CESQL_TYPE.matcher(f.getCesql());
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        list(f.getAll()).forEach(g -> collect(g, out));
        list(f.getAny()).forEach(g -> collect(g, out));
        if (f.getNot() != null) {
            collect(f.getNot(), out);
        }
    }

    private void ref(String where, KReference ref, String defaultNamespace, List<String> out) {
        if (ref == null) {
            out.add(where + ": no ref");
            return;
        }
        String ns = ref.getNamespace() == null ? defaultNamespace : ref.getNamespace();
        String group = ref.getApiVersion() == null ? "" : ref.getApiVersion();
        boolean exists = resources.stream().anyMatch(r -> r.kind().equals(ref.getKind()) && r.name().equals(ref.getName())
                && Objects.equals(r.namespace(), ns) && r.model().getApiVersion().equals(group));
        if (!exists) {
            out.add(where + ": " + group + " " + ref.getKind() + " " + ns + "/" + ref.getName() + " does not exist");
        }
    }

    // ------------------------------------------------------------------ Kafka

    /** Every Kafka address is a Strimzi bootstrap Service; topics and node pools belong to a Kafka. */
    List<String> kafkaAddressesAndTopicsResolve() {
        List<String> out = new ArrayList<>();
        Set<String> bootstraps = new TreeSet<>();
        Set<String> kafkas = new HashSet<>();
        for (Kafka k : all(Kafka.class)) {
            kafkas.add(k.getMetadata().getName());
            for (GenericKafkaListener l : k.getSpec().getKafka().getListeners()) {
                bootstraps.add(k.getMetadata().getName() + "-kafka-bootstrap." + k.getMetadata().getNamespace() + ".svc:" + l.getPort());
            }
        }
        Map<String, String> addresses = new LinkedHashMap<>();
        for (ConfigMap cm : all(ConfigMap.class)) {
            if (cm.getData() != null && cm.getData().containsKey("bootstrap.servers")) {
                addresses.put("ConfigMap " + cm.getMetadata().getName(), cm.getData().get("bootstrap.servers"));
            }
        }
        for (KafkaSource k : all(KafkaSource.class)) {
            addresses.put("KafkaSource " + k.getMetadata().getName(), String.join(",", k.getSpec().getBootstrapServers()));
        }
        for (var k : all(io.fabric8.knative.eventing.v1alpha1.KafkaSink.class)) {
            addresses.put("KafkaSink " + k.getMetadata().getName(), String.join(",", k.getSpec().getBootstrapServers()));
        }
        for (Workload w : Workload.of(resources)) {
            for (Container c : w.pod().getContainers()) {
                for (EnvVar e : list(c.getEnv())) {
                    if (e.getName().endsWith("KAFKA_BOOTSTRAP_SERVERS") && e.getValue() != null) {
                        addresses.put(w.name() + " env " + e.getName(), e.getValue());
                    }
                }
            }
        }
        addresses.forEach((where, value) -> {
            for (String a : value.split(",")) {
                if (!bootstraps.contains(a.strip())) {
                    out.add(where + ": Kafka address " + a.strip() + " is not the bootstrap Service of a Kafka here " + bootstraps);
                }
            }
        });
        Set<String> topics = new HashSet<>();
        for (KafkaTopic t : all(KafkaTopic.class)) {
            topics.add(t.getSpec().getTopicName() == null ? t.getMetadata().getName() : t.getSpec().getTopicName());
            String cluster = t.getMetadata().getLabels() == null ? null : t.getMetadata().getLabels().get("strimzi.io/cluster");
            if (!kafkas.contains(cluster)) {
                out.add("KafkaTopic " + t.getMetadata().getName() + ": strimzi.io/cluster '" + cluster + "' names no Kafka");
            }
        }
        for (KafkaNodePool p : all(KafkaNodePool.class)) {
            String cluster = p.getMetadata().getLabels() == null ? null : p.getMetadata().getLabels().get("strimzi.io/cluster");
            if (!kafkas.contains(cluster)) {
                out.add("KafkaNodePool " + p.getMetadata().getName() + ": strimzi.io/cluster '" + cluster + "' names no Kafka");
            }
        }
        for (KafkaSource k : all(KafkaSource.class)) {
            for (String topic : k.getSpec().getTopics()) {
                if (!topics.contains(topic)) {
                    out.add("KafkaSource " + k.getMetadata().getName() + ": topic " + topic + " is no KafkaTopic");
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ namespaces

    /** Every namespaced resource lives in a Namespace declared here, which enforces Pod Security "restricted". */
    List<String> namespacesEnforceRestricted() {
        List<String> out = new ArrayList<>();
        Map<String, Namespace> namespaces = new HashMap<>();
        all(Namespace.class).forEach(n -> namespaces.put(n.getMetadata().getName(), n));
        for (Namespace n : namespaces.values()) {
            Map<String, String> l = n.getMetadata().getLabels() == null ? Map.of() : n.getMetadata().getLabels();
            if (!"restricted".equals(l.get("pod-security.kubernetes.io/enforce"))) {
                out.add("Namespace " + n.getMetadata().getName() + ": pod-security.kubernetes.io/enforce must be restricted");
            }
        }
        for (Resource r : resources) {
            if (r.namespace() != null && !namespaces.containsKey(r.namespace())) {
                out.add(r.id() + ": namespace " + r.namespace() + " is not declared");
            } else if (r.namespace() == null && !Set.of("Namespace", "ClusterRole", "ClusterRoleBinding").contains(r.kind())) {
                out.add(r.id() + ": no namespace");
            }
        }
        return out;
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static List<Container> concat(List<Container> a, List<Container> b) {
        List<Container> out = new ArrayList<>(list(a));
        out.addAll(list(b));
        return out;
    }
}
