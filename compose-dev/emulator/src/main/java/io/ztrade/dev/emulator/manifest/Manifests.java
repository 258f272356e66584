package io.ztrade.dev.emulator.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads Kubernetes manifests (every {@code *.yaml}/{@code *.yml} under the given folders,
 * multi-document, {@code kustomization.yaml} skipped) into typed fabric8 models: Knative
 * Broker/Trigger/PingSource/KafkaSource/KafkaSink/Service, Kubernetes Deployment/Service/ConfigMap,
 * and {@code GenericKubernetesResource} for the rest.
 *
 * <p>A resource without {@code metadata.namespace} gets the {@code namespace} of the nearest
 * {@code kustomization.yaml} above it (as {@code kubectl kustomize} would render it), else
 * {@code default}.
 */
public final class Manifests {

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---[ \\t]*(#.*)?$");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Manifests() {}

    /** Reads every manifest under {@code roots} (missing folders are skipped), in file name order. */
    public static Topology load(List<Path> roots) {
        List<Manifest> out = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            for (Path file : yamlFiles(root)) {
                out.addAll(read(root, file));
            }
        }
        return new Topology(out);
    }

    /** The YAML files under {@code root}, kustomization files excluded, sorted by path. */
    public static List<Path> yamlFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String n = f.getFileName().toString();
                        return (n.endsWith(".yaml") || n.endsWith(".yml")) && !n.startsWith("kustomization.");
                    })
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new ManifestException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    /** The resources of one file. */
    public static List<Manifest> read(Path root, Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ManifestException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(file, text, kustomizeNamespace(root, file.getParent()));
    }

    /**
     * The resources of one file's {@code text} ({@code file} only names it in messages); a resource
     * without a namespace gets {@code defaultNamespace}.
     *
     * @throws ManifestException naming the file and document that is not a resource
     */
    public static List<Manifest> parse(Path file, String text, String defaultNamespace) {
        List<Manifest> out = new ArrayList<>();
        String[] documents = DOCUMENT_SEPARATOR.split(text);
        int index = 0;
        for (String document : documents) {
            if (isBlank(document)) {
                continue;
            }
            Object parsed;
            try {
                parsed = SERIALIZATION.unmarshal(document);
            } catch (RuntimeException e) {
                throw new ManifestException(file + "#" + index + ": not a Kubernetes resource: " + e.getMessage(), e);
            }
            if (!(parsed instanceof HasMetadata resource)) {
                throw new ManifestException(file + "#" + index + ": not a Kubernetes resource (no kind/metadata)");
            }
            if (resource.getMetadata() == null || resource.getMetadata().getName() == null) {
                throw new ManifestException(file + "#" + index + ": metadata.name is missing");
            }
            checkName(file + "#" + index + ": metadata.name", resource.getMetadata().getName());
            if (resource.getMetadata().getNamespace() != null) {
                checkName(file + "#" + index + ": metadata.namespace", resource.getMetadata().getNamespace());
            }
            if (resource.getMetadata().getNamespace() == null && !isClusterScoped(resource)) {
                resource.getMetadata().setNamespace(defaultNamespace);
            }
            out.add(new Manifest(file, index, resource));
            index++;
        }
        return out;
    }

    /** What the API server accepts as a name: an RFC 1123 subdomain (lower case, digits, '-' and '.', at most 253). */
    private static void checkName(String where, String name) {
        if (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
            throw new ManifestException(where + ": '" + name + "' is not a valid name (lower-case letters, digits, '-' and '.',"
                    + " starting and ending with a letter or digit, at most 253 characters)");
        }
    }

    private static boolean isClusterScoped(HasMetadata r) {
        return switch (r.getKind()) {
            case "Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume", "StorageClass" -> true;
            default -> false;
        };
    }

    private static boolean isBlank(String document) {
        return document.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#"));
    }

    /** The {@code namespace:} of the nearest kustomization file from {@code dir} up to {@code root}. */
    private static String kustomizeNamespace(Path root, Path dir) {
        Path absRoot = root.toAbsolutePath().normalize();
        for (Path d = dir.toAbsolutePath().normalize(); d != null && d.startsWith(absRoot); d = d.getParent()) {
            for (String name : new String[] {"kustomization.yaml", "kustomization.yml"}) {
                Path k = d.resolve(name);
                if (Files.isRegularFile(k)) {
                    try {
                        JsonNode node = YAML.readTree(k.toFile());
                        if (node != null && node.hasNonNull("namespace")) {
                            return node.get("namespace").asText();
                        }
                    } catch (IOException e) {
                        throw new ManifestException("cannot read " + k + ": " + e.getMessage(), e);
                    }
                }
            }
        }
        return "default";
    }
}
