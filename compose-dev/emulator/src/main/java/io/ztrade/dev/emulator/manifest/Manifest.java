package io.ztrade.dev.emulator.manifest;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;

/**
 * One resource read from a manifest file.
 *
 * @param file     the YAML file
 * @param document the document's index in the file (0 for the first)
 * @param resource the typed resource (Knative or Kubernetes model; {@code GenericKubernetesResource}
 *                 for kinds without a model)
 */
public record Manifest(Path file, int document, HasMetadata resource) {

    public String kind() {
        return resource.getKind();
    }

    public String namespace() {
        return resource.getMetadata().getNamespace();
    }

    public String name() {
        return resource.getMetadata().getName();
    }

    /** {@code file#document}, for messages. */
    public String origin() {
        return document == 0 ? file.toString() : file + "#" + document;
    }
}
