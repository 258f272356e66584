package io.ztrade.dev.serving;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts one replica: {@code java [-XX:AOTCache=app.aot] -jar quarkus-run.jar} in the artifact's
 * directory, with the environment a container of the manifest would get here.
 */
final class ReplicaLauncher {

    /** What a replica inherits from this JVM's environment; nothing else leaks in (no QUARKUS_*, no PORT). */
    static final List<String> INHERITED_ENV = List.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR", "JAVA_HOME",
            "MAVEN_OPTS", "MAVEN_ARGS");
    static final String JVM_OPTIONS_VARIABLE = "JAVA_OPTS_APPEND";
    /** The collector's options in the Quarkus JVM images' {@code run-java.sh} (its default is the parallel collector). */
    static final String GC_OPTIONS_VARIABLE = "GC_CONTAINER_OPTIONS";
    private static final Pattern REFERENCE = Pattern.compile("\\$\\$|\\$\\(([A-Za-z_][A-Za-z0-9_.-]*)\\)");

    private final ServingConfig config;
    private final Path java;
    private final int javaFeature;
    private final PidRegistry pids;

    ReplicaLauncher(ServingConfig config, Path java, int javaFeature, PidRegistry pids) {
        this.config = config;
        this.java = java;
        this.javaFeature = javaFeature;
        this.pids = pids;
    }

    /** The JVM running this code: replicas use the same one. */
    static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The JDK AOT cache is used when the artifact has one and the JVM is 25 or newer (JEP 483/514/515). */
    boolean usesAotCache(Workload w) {
        return !w.dev() && javaFeature >= 25 && Files.isRegularFile(w.aotCache());
    }

    List<String> command(Workload w) {
        if (w.dev()) {
            return devCommand(w);
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        if (usesAotCache(w)) {
            command.add("-XX:AOTCache=" + w.aotCache());
        }
        command.addAll(jvmOptions(w));
        command.add("-jar");
        command.add(w.jar().toString());
        return command;
    }

    /**
     * Quarkus dev mode of the workload's module, built from the sources with the modules it depends on
     * ({@code -am}, nothing installed): the same environment as the packaged artifact gets, the port
     * by {@code PORT}; no console, no continuous testing, so that it runs unattended.
     */
    List<String> devCommand(Workload w) {
        Path mvnw = config.repoRoot().resolve(isWindows() ? "mvnw.cmd" : "mvnw");
        return List.of(mvnw.toString(), "-B", "-q", "-pl", w.module(), "-am", "quarkus:dev", "-Dfuzz.skip",
                "-Ddebug=false", "-Dquarkus.console.enabled=false", "-Dquarkus.test.continuous-testing=disabled",
                "-Dquarkus.analytics.disabled=true");
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /**
     * The container's {@code env} ({@code value}s with {@code $(VAR)} references expanded, field
     * references resolved; Secret and ConfigMap references left to {@link ServingConfig#env()}), then
     * {@link ServingConfig#env()} over it, then what the platform sets: {@code PORT}, and for a
     * Knative Service {@code K_SERVICE}, {@code K_CONFIGURATION}, {@code K_REVISION} and {@code K_SINK}.
     */
    Map<String, String> environment(Workload w, String replicaName, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : INHERITED_ENV) {
            String v = System.getenv(name);
            if (v != null) {
                env.put(name, v);
            }
        }
        for (EnvVar var : w.env()) {
            if (var.getName() == null) {
                continue;
            }
            if (var.getValueFrom() == null) {
                env.put(var.getName(), expand(var.getValue() == null ? "" : var.getValue(), env));
            } else {
                String v = fieldValue(var.getValueFrom(), w, replicaName);
                if (v != null) {
                    env.put(var.getName(), v);
                }
            }
        }
        env.putAll(config.env());
        env.put("PORT", Integer.toString(port));
        if (w.isService()) {
            env.put("K_SERVICE", w.name());
            env.put("K_CONFIGURATION", w.name());
            env.put("K_REVISION", w.name() + "-00001");
            if (config.brokerUrl() != null) {
                env.put("K_SINK", config.brokerUrl().toString());
            }
        }
        return env;
    }

    /**
     * The options the Quarkus JVM images' {@code run-java.sh} adds to the {@code java} command, so
     * that the same manifest tunes the JVM in the cluster and here: {@value #GC_OPTIONS_VARIABLE}
     * (the collector, in place of the one the image would choose), then the container's literal
     * {@value #JVM_OPTIONS_VARIABLE}, then {@value #JVM_OPTIONS_VARIABLE} of {@link ServingConfig#env()}
     * (what the platform adds; it comes last, so it wins where both set an option), each split on
     * spaces. {@link ServingConfig#env()} may also set {@value #GC_OPTIONS_VARIABLE}, which then
     * replaces the container's.
     */
    List<String> jvmOptions(Workload w) {
        List<String> options = new ArrayList<>();
        String gc = config.env().get(GC_OPTIONS_VARIABLE);
        split(gc != null ? gc : literal(w, GC_OPTIONS_VARIABLE), options);
        split(literal(w, JVM_OPTIONS_VARIABLE), options);
        split(config.env().get(JVM_OPTIONS_VARIABLE), options);
        return List.copyOf(options);
    }

    /** The container's literal value of {@code name} (the last one, as Kubernetes takes it); {@code null} if none. */
    private static String literal(Workload w, String name) {
        String value = null;
        for (EnvVar var : w.env()) {
            if (name.equals(var.getName()) && var.getValueFrom() == null && var.getValue() != null) {
                value = var.getValue();
            }
        }
        return value;
    }

    private static void split(String value, List<String> into) {
        if (value != null && !value.isBlank()) {
            into.addAll(List.of(value.strip().split("\\s+")));
        }
    }

    /** Names the cluster fills from a Secret or ConfigMap that {@link ServingConfig#env()} does not give. */
    List<String> unresolvedEnv(Workload w) {
        List<String> names = new ArrayList<>();
        for (EnvVar var : w.env()) {
            EnvVarSource from = var.getValueFrom();
            if (from != null && from.getFieldRef() == null && !config.env().containsKey(var.getName())) {
                names.add(var.getName());
            }
        }
        return names;
    }

    Replica launch(Workload w, String replicaName, int ordinal, int slot, int port) throws IOException {
        Path log = logFile(w);
        Files.createDirectories(log.getParent());
        boolean aot = usesAotCache(w);
        List<String> command = command(w);
        Files.writeString(log, "---- " + Instant.now() + " " + replicaName + " on port " + port + ": " + String.join(" ", command)
                        + System.lineSeparator(),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(w.dev() ? config.repoRoot().toFile() : w.quarkusApp().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        pb.environment().clear();
        pb.environment().putAll(environment(w, replicaName, port));
        long started = System.nanoTime();
        Process process = pb.start();
        pids.add(process.toHandle(), replicaName);
        return new Replica(replicaName, ordinal, slot, port, process, started, aot);
    }

    Path logFile(Workload w) {
        return config.logDir().resolve(w.name() + ".log");
    }

    void forget(Replica r) {
        pids.remove(r.process.toHandle());
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String fieldValue(EnvVarSource from, Workload w, String replicaName) {
        if (from.getFieldRef() == null || from.getFieldRef().getFieldPath() == null) {
            return null;
        }
        return switch (from.getFieldRef().getFieldPath()) {
            case "metadata.name" -> replicaName;
            case "metadata.namespace" -> w.namespace();
            case "status.podIP", "status.hostIP" -> "127.0.0.1";
            case "spec.nodeName" -> "localhost";
            default -> null;
        };
    }

    /** Kubernetes' expansion: {@code $(VAR)} of a variable defined earlier, {@code $$} for a literal {@code $}. */
    static String expand(String value, Map<String, String> defined) {
        Matcher m = REFERENCE.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) == null) {
                replacement = "$";
            } else {
                replacement = defined.getOrDefault(m.group(1), m.group());
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
