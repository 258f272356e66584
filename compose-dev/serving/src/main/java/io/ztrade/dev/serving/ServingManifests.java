package io.ztrade.dev.serving;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * The workloads of a manifest folder ({@code knative/}): every Knative Service and every
 * {@code apps/v1} Deployment in its YAML files, read into fabric8's typed models. Other kinds
 * (Namespace, v1 Service, ...) and {@code kustomization.yaml} are skipped.
 *
 * @param services    Knative Services, by file path then position in the file
 * @param deployments Deployments, likewise
 */
public record ServingManifests(List<Service> services, List<Deployment> deployments) {

    private static final KubernetesSerialization YAML = new KubernetesSerialization();

    public ServingManifests {
        services = List.copyOf(services);
        deployments = List.copyOf(deployments);
    }

    /**
     * Reads every {@code *.yaml}/{@code *.yml} under {@code dir}, recursively, in path order.
     *
     * @throws IllegalArgumentException naming the file that does not parse
     */
    public static ServingManifests read(Path dir) {
        List<Service> services = new ArrayList<>();
        List<Deployment> deployments = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !p.getFileName().toString().startsWith("kustomization."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifests in " + dir, e);
        }
        for (Path file : files) {
            Object parsed;
            try {
                parsed = YAML.unmarshal(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + ": not a valid manifest: " + e.getMessage(), e);
            }
            Collection<?> resources = parsed instanceof Collection<?> c ? c : parsed == null ? List.of() : List.of(parsed);
            for (Object resource : resources) {
                if (resource instanceof Service s) {
                    services.add(s);
                } else if (resource instanceof Deployment d) {
                    deployments.add(d);
                }
            }
        }
        return new ServingManifests(services, deployments);
    }
}
