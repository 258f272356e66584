package io.ztrade.dev.serving;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one Knative Service or Deployment of the manifests runs here: which module's artifact, with
 * which environment, probed where, scaled how.
 *
 * @param name          metadata.name
 * @param namespace     metadata.namespace ({@code default} when absent)
 * @param kind          {@link ServiceStatus#SERVICE} or {@link ServiceStatus#DEPLOYMENT}
 * @param module        the module path from the {@value #MODULE_ANNOTATION} annotation
 * @param quarkusApp    {@code <repoRoot>/<module>/target/quarkus-app}
 * @param env           the first container's {@code env}, unresolved
 * @param readinessPath the first container's readiness probe path, {@value #DEFAULT_READINESS_PATH}
 *                      when it has none
 * @param scaling       the autoscaling settings
 */
record Workload(
        String name,
        String namespace,
        String kind,
        String module,
        Path quarkusApp,
        List<EnvVar> env,
        String readinessPath,
        Autoscaling scaling,
        boolean dev) {

    /**
     * The annotation (on the Service's or Deployment's own metadata) naming the Maven module that
     * builds the workload's image, e.g. {@code functions/backtest}. Ignored by a cluster.
     */
    static final String MODULE_ANNOTATION = "ztrade.io/module";
    static final String DEFAULT_READINESS_PATH = "/q/health/ready";

    Workload {
        env = List.copyOf(env);
    }

    Path jar() {
        return quarkusApp.resolve("quarkus-run.jar");
    }

    /** Where the Quarkus AOT packaging ({@code quarkus.package.jar.aot.*}) writes the JDK AOT cache. */
    Path aotCache() {
        return quarkusApp.resolve("app.aot");
    }

    boolean isService() {
        return ServiceStatus.SERVICE.equals(kind);
    }

    /** A Knative Service: its module defaults to {@code functions/<name>} when not annotated. */
    static Workload of(io.fabric8.knative.serving.v1.Service service, ServingConfig config) {
        ObjectMeta meta = Objects.requireNonNull(service.getMetadata(), "Service without metadata");
        String name = Objects.requireNonNull(meta.getName(), "Service without metadata.name");
        var template = service.getSpec() == null ? null : service.getSpec().getTemplate();
        if (template == null || template.getSpec() == null || template.getSpec().getContainers() == null
                || template.getSpec().getContainers().isEmpty()) {
            throw new IllegalArgumentException("Service " + name + ": spec.template.spec.containers is empty");
        }
        Container container = template.getSpec().getContainers().get(0);
        Map<String, String> annotations = template.getMetadata() == null ? null : template.getMetadata().getAnnotations();
        Autoscaling scaling;
        try {
            scaling = Autoscaling.of(annotations, template.getSpec().getContainerConcurrency(), config.defaultRetention());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Service " + name + ": " + e.getMessage(), e);
        }
        String module = annotation(meta, "functions/" + name);
        boolean dev = config.devServices().contains(name);
        if (dev) {
            // one replica from the sources, kept: a dev session is not scaled to zero or out
            scaling = new Autoscaling(1, 1, scaling.target(), scaling.containerConcurrency(), scaling.retention());
        }
        return new Workload(name, namespace(meta), ServiceStatus.SERVICE, module, quarkusApp(config, module),
                env(container), readinessPath(container), scaling, dev);
    }

    /** A Deployment: {@code spec.replicas} (default 1) always-on replicas; its module must be annotated. */
    static Workload of(Deployment deployment, ServingConfig config) {
        ObjectMeta meta = Objects.requireNonNull(deployment.getMetadata(), "Deployment without metadata");
        String name = Objects.requireNonNull(meta.getName(), "Deployment without metadata.name");
        var spec = deployment.getSpec();
        if (spec == null || spec.getTemplate() == null || spec.getTemplate().getSpec() == null
                || spec.getTemplate().getSpec().getContainers() == null || spec.getTemplate().getSpec().getContainers().isEmpty()) {
            throw new IllegalArgumentException("Deployment " + name + ": spec.template.spec.containers is empty");
        }
        Container container = spec.getTemplate().getSpec().getContainers().get(0);
        int replicas = spec.getReplicas() == null ? 1 : spec.getReplicas();
        String module = annotation(meta, null);
        if (module == null) {
            throw new IllegalArgumentException("Deployment " + name + ": annotation " + MODULE_ANNOTATION
                    + " must name the module that builds it (e.g. orderbook/service)");
        }
        return new Workload(name, namespace(meta), ServiceStatus.DEPLOYMENT, module, quarkusApp(config, module),
                env(container), readinessPath(container), Autoscaling.fixed(replicas), false);
    }

    private static String annotation(ObjectMeta meta, String dflt) {
        String v = meta.getAnnotations() == null ? null : meta.getAnnotations().get(MODULE_ANNOTATION);
        if (v == null && meta.getLabels() != null) {
            v = meta.getLabels().get(MODULE_ANNOTATION);
        }
        if (v == null) {
            return dflt;
        }
        String module = v.strip();
        while (module.endsWith("/")) {
            module = module.substring(0, module.length() - 1);
        }
        if (module.isEmpty() || module.startsWith("/") || Path.of(module).normalize().startsWith("..")) {
            throw new IllegalArgumentException(MODULE_ANNOTATION + " must be a module path inside the repository, was '" + v + "'");
        }
        return module;
    }

    private static String namespace(ObjectMeta meta) {
        return meta.getNamespace() == null ? "default" : meta.getNamespace();
    }

    private static Path quarkusApp(ServingConfig config, String module) {
        return config.repoRoot().resolve(module).resolve("target").resolve("quarkus-app");
    }

    private static List<EnvVar> env(Container container) {
        return container.getEnv() == null ? List.of() : container.getEnv();
    }

    private static String readinessPath(Container container) {
        Probe probe = container.getReadinessProbe();
        if (probe != null && probe.getHttpGet() != null && probe.getHttpGet().getPath() != null) {
            String path = probe.getHttpGet().getPath();
            return path.startsWith("/") ? path : "/" + path;
        }
        return DEFAULT_READINESS_PATH;
    }
}
