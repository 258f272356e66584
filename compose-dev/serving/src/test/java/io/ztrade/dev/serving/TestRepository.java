package io.ztrade.dev.serving;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.ServiceBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.ztrade.dev.serving.fixture.EchoFunction;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A repository laid out as LocalServing expects, in a temporary directory: modules whose
 * {@code target/quarkus-app/quarkus-run.jar} launches {@link EchoFunction} from the test classes.
 */
final class TestRepository {

    static final KubernetesSerialization YAML = new KubernetesSerialization();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    final Path root;

    TestRepository(Path root) {
        this.root = root;
    }

    /** Packages the echo function as {@code <module>/target/quarkus-app/quarkus-run.jar}. */
    TestRepository withFunction(String module) throws IOException {
        Path app = root.resolve(module).resolve("target/quarkus-app");
        Files.createDirectories(app);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, EchoFunction.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, testClasses().toString());
        try (OutputStream out = Files.newOutputStream(app.resolve("quarkus-run.jar"));
                JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return this;
    }

    ServingConfig config(Map<String, String> env, Duration defaultRetention) {
        return new ServingConfig(root, env, URI.create("http://localhost:9/ztrade/default"), root.resolve("logs"), defaultRetention);
    }

    private static URI testClasses() {
        try {
            return EchoFunction.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Knative Service running {@code functions/echo}, with these revision annotations, containerConcurrency and env. */
    static Service service(String name, Map<String, String> annotations, int containerConcurrency, List<EnvVar> env) {
        return new ServiceBuilder()
                .withNewMetadata()
                    .withName(name)
                    .withNamespace("ztrade")
                    .addToAnnotations(Workload.MODULE_ANNOTATION, "functions/echo")
                .endMetadata()
                .withNewSpec()
                    .withNewTemplate()
                        .withNewMetadata().addToAnnotations(annotations).endMetadata()
                        .withNewSpec()
                            .withContainerConcurrency((long) containerConcurrency)
                            .addNewContainer().withImage("ztrade/echo:test").withEnv(env).endContainer()
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    static Service service(String name, Map<String, String> annotations, int containerConcurrency) {
        return service(name, annotations, containerConcurrency, List.of());
    }

    static Deployment deployment(String name, String module, int replicas) {
        return YAML.unmarshal("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                  namespace: ztrade
                  annotations:
                    ztrade.io/module: %s
                spec:
                  replicas: %d
                  selector:
                    matchLabels: {app: %1$s}
                  template:
                    metadata:
                      labels: {app: %1$s}
                    spec:
                      containers:
                        - name: %1$s
                          image: ztrade/%1$s:test
                          readinessProbe:
                            httpGet: {path: /q/health/ready, port: 8080}
                """.formatted(name, module, replicas), Deployment.class);
    }

    static String get(URI base, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? r.body() : null;
    }

    static long pid(URI replica) throws IOException, InterruptedException {
        return Long.parseLong(get(replica, "/pid"));
    }
}
