package io.ztrade.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads manifests into typed models and refuses what the API server would refuse or silently drop:
 * a kind without a model, an unknown field anywhere (fabric8 and Strimzi models keep unknown fields
 * in {@code additionalProperties}; any entry there is a misspelt or misplaced field), a value of the
 * wrong type.
 *
 * <p>Models: Kubernetes and Knative (fabric8), Prometheus operator (fabric8
 * {@code openshift-model-monitoring}), Strimzi ({@code io.strimzi:api}, the operator's own classes).
 * CloudNativePG publishes no Java model: its resources are checked by {@link CloudNativePgFields}.
 */
final class StrictManifests {

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Strimzi's model classes by apiVersion/kind (its jar does not register them with fabric8). */
    private static final Map<String, Class<? extends HasMetadata>> STRIMZI = Map.of(
            "kafka.strimzi.io/v1beta2/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class,
            "kafka.strimzi.io/v1beta2/KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class,
            "kafka.strimzi.io/v1beta2/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class);

    /** One parsed resource and where it came from. */
    record Resource(String origin, HasMetadata model, JsonNode tree) {
        String kind() {
            return model.getKind();
        }

        String name() {
            return model.getMetadata().getName();
        }

        String namespace() {
            return model.getMetadata().getNamespace();
        }

        String id() {
            return model.getApiVersion() + "/" + kind() + " " + (namespace() == null ? "" : namespace() + "/") + name();
        }
    }

    private StrictManifests() {}

    static List<Resource> read(Path file) {
        try {
            return parse(Repository.relative(file), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every document of {@code text} as a typed resource.
     *
     * @throws ManifestError naming {@code origin}, the document and every problem found
     */
    static List<Resource> parse(String origin, String text) {
        List<Resource> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int index = 0;
        try {
            Iterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(text);
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc == null || doc.isNull() || doc.isMissingNode() || doc.isEmpty()) {
                    continue;
                }
                String where = origin + "#" + index++;
                try {
                    out.add(typed(where, doc, problems));
                } catch (RuntimeException e) {
                    problems.add(where + ": " + e.getMessage());
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(origin + ": not YAML: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new ManifestError(String.join("\n", problems));
        }
        return out;
    }

    private static Resource typed(String where, JsonNode doc, List<String> problems) {
        if (!(doc instanceof ObjectNode) || !doc.hasNonNull("apiVersion") || !doc.hasNonNull("kind")) {
            throw new IllegalArgumentException("not a Kubernetes resource (apiVersion and kind are required)");
        }
        String type = doc.get("apiVersion").asText() + "/" + doc.get("kind").asText();
        HasMetadata model;
        Class<? extends HasMetadata> strimzi = STRIMZI.get(type);
        if (strimzi != null) {
            model = SERIALIZATION.convertValue(doc, strimzi);
        } else {
            Object parsed = SERIALIZATION.unmarshal(doc.toString());
            if (!(parsed instanceof HasMetadata m)) {
                throw new IllegalArgumentException("not a Kubernetes resource");
            }
            model = m;
        }
        if (model.getMetadata() == null || model.getMetadata().getName() == null || model.getMetadata().getName().isBlank()) {
            problems.add(where + ": metadata.name is missing");
        }
        if (model instanceof GenericKubernetesResource) {
            if (CloudNativePgFields.covers(type)) {
                CloudNativePgFields.check(where, type, doc, problems);
            } else {
                problems.add(where + ": no typed model for " + type + " (misspelt kind or apiVersion, or a resource kind"
                        + " deploy/tests does not know yet)");
            }
        } else {
            unknownFields(model, model.getKind(), problems, where);
        }
        return new Resource(where, model, doc);
    }

    /** Adds a problem for every unknown field under {@code value}. */
    static void unknownFields(Object value, String path, List<String> problems, String where) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value instanceof Quantity || value instanceof IntOrString
                || value instanceof JsonNode) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, problems, where));
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                unknownFields(item, path + "[" + i++ + "]", problems, where);
            }
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8") && !pkg.startsWith("io.strimzi")) {
            return;
        }
        Map<?, ?> extra = additionalProperties(value);
        if (extra != null && !extra.isEmpty()) {
            problems.add(where + ": " + path + ": unknown field(s) " + extra.keySet());
        }
        for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || IGNORED_FIELDS.contains(f.getName())) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    unknownFields(f.get(value), path + "." + f.getName(), problems, where);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // a field that cannot be read holds nothing the manifest set
                }
            }
        }
    }

    private static final Set<String> IGNORED_FIELDS = Set.of("additionalProperties");

    private static Map<?, ?> additionalProperties(Object value) {
        try {
            Method m = value.getClass().getMethod("getAdditionalProperties");
            return m.invoke(value) instanceof Map<?, ?> map ? map : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** A manifest that does not read as typed resources; the message names every problem. */
    static final class ManifestError extends RuntimeException {
        ManifestError(String message) {
            super(message);
        }
    }
}
