package io.ztrade.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where the manifests are: every YAML file under the manifest folders, and every overlay. */
final class Repository {

    /** The folders whose YAML files are cluster manifests (deploy/tests, this module, excepted). */
    static final List<String> MANIFEST_FOLDERS = List.of("knative", "eventing", "infra", "deploy");

    static final Path ROOT = find();

    private Repository() {}

    private static Path find() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("mvnw")) && Files.isDirectory(d.resolve("knative"))) {
                return d;
            }
        }
        throw new IllegalStateException("no repository root (a folder with mvnw and knative/) above " + Path.of("").toAbsolutePath());
    }

    /** Every manifest file, kustomization files excluded, in path order. */
    static List<Path> manifestFiles() {
        List<Path> out = new ArrayList<>();
        for (String folder : MANIFEST_FOLDERS) {
            Path root = ROOT.resolve(folder);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> !p.startsWith(ROOT.resolve("deploy/tests")))
                        .filter(p -> {
                            String n = p.getFileName().toString();
                            return (n.endsWith(".yaml") || n.endsWith(".yml")) && !n.startsWith("kustomization.");
                        })
                        .sorted()
                        .forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** Secret templates: documented shapes of the Secrets an operator creates, never applied. */
    static boolean isSecretTemplate(Path file) {
        return file.startsWith(ROOT.resolve("deploy/secrets"));
    }

    /** The overlays: every folder under deploy/overlays with a kustomization. */
    static List<Path> overlays() {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("deploy/overlays"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String relative(Path p) {
        return ROOT.relativize(p.toAbsolutePath().normalize()).toString();
    }
}
