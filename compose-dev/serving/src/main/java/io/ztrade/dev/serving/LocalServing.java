package io.ztrade.dev.serving;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Knative Serving on one machine: every Knative Service of the manifests runs as local processes of
 * its module's packaged artifact, scaled by its autoscaling annotations; every Deployment runs as
 * always-on processes.
 *
 * <ul>
 *   <li><b>Scale from zero:</b> {@link #acquire} blocks while a replica starts, as Knative's
 *       activator holds a request, and returns once {@code GET /q/health/ready} (or the container's
 *       readiness probe path) answers 200.</li>
 *   <li><b>Scale out:</b> when requests in flight per replica exceed
 *       {@code autoscaling.knative.dev/target}, up to {@code max-scale}.</li>
 *   <li><b>Hard limit:</b> a replica never holds more than {@code containerConcurrency} leases;
 *       {@link #acquire} waits for a free slot.</li>
 *   <li><b>Scale to zero:</b> a replica above {@code min-scale} idle for
 *       {@code scale-to-zero-pod-retention-period} (else {@link ServingConfig#defaultRetention()})
 *       is stopped.</li>
 *   <li><b>Self-healing:</b> a replica that dies is removed and, when min-scale or demand want it,
 *       replaced; a replica that cannot start backs off (0.5 s, doubling, at most 30 s).</li>
 * </ul>
 *
 * <p>A scaler pass runs every {@value #TICK_MILLIS} ms. {@link #close()} (and a JVM shutdown hook)
 * stops every process started; processes left by a JVM that was killed outright are stopped by the
 * next {@link #start} with the same log directory.
 */
public final class LocalServing implements AutoCloseable {

    static final long TICK_MILLIS = 200;
    /** How long {@link #start} waits for always-on replicas (Deployments, min-scale) to become ready. */
    private static final Duration START_WAIT = ReplicaSet.READY_TIMEOUT;
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final Map<String, ReplicaSet> workloads;
    private final ScheduledExecutorService scaler;
    private final HttpClient http;
    private final PidRegistry pids;
    private final Thread shutdownHook;
    private boolean closed;

    private LocalServing(Map<String, ReplicaSet> workloads, ScheduledExecutorService scaler, HttpClient http, PidRegistry pids) {
        this.workloads = workloads;
        this.scaler = scaler;
        this.http = http;
        this.pids = pids;
        this.shutdownHook = new Thread(this::close, "ztrade-serving-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Reads the manifests and starts what must always run: every Deployment's replicas and every
     * Service's min-scale replicas. Returns once those are ready or have failed (failures are
     * logged and retried, never thrown). A workload whose artifact is not built is skipped with a
     * log line and reported by {@link #status()}.
     *
     * @param services    Knative Services ({@code serving.knative.dev/v1})
     * @param deployments always-on processes (at least one replica each)
     * @throws IllegalArgumentException when a manifest is not valid (naming it and the field), or two
     *                                  workloads share a name
     */
    public static LocalServing start(ServingConfig config, List<Service> services, List<Deployment> deployments) {
        Objects.requireNonNull(config, "config");
        List<Workload> definitions = new ArrayList<>();
        (services == null ? List.<Service>of() : services).forEach(s -> definitions.add(Workload.of(s, config)));
        (deployments == null ? List.<Deployment>of() : deployments).forEach(d -> definitions.add(Workload.of(d, config)));

        PidRegistry pids = PidRegistry.open(config.logDir().resolve(".pids"));
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1))
                .build();
        ReplicaLauncher launcher = new ReplicaLauncher(config, ReplicaLauncher.currentJava(), Runtime.version().feature(), pids);
        Map<String, ReplicaSet> workloads = new LinkedHashMap<>();
        for (Workload w : definitions) {
            if (workloads.putIfAbsent(w.name(), new ReplicaSet(w, launcher, http)) != null) {
                throw new IllegalArgumentException("two workloads are named " + w.name() + " (names must be unique across Services and Deployments)");
            }
        }
        ScheduledExecutorService scaler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ztrade-serving-scaler");
            t.setDaemon(true);
            return t;
        });
        LocalServing serving = new LocalServing(workloads, scaler, http, pids);
        for (ReplicaSet set : workloads.values()) {
            Workload w = set.workload;
            List<String> unresolved = launcher.unresolvedEnv(w);
            if (!unresolved.isEmpty()) {
                Log.info("%s: %s come from Secrets or ConfigMaps in the cluster and are not set here", w.name(), unresolved);
            }
            if (!set.runnable()) {
                Log.warn("%s: skipped, %s/target/quarkus-app/quarkus-run.jar is not built yet (./mvnw -pl %2$s package -DskipTests)",
                        w.name(), w.module());
            } else {
                Log.info("%s %s: %s (%s%s)", w.kind(), w.name(), w.module(), describe(w.scaling(), w.isService()),
                        launcher.usesAotCache(w) ? ", AOT cache" : "");
            }
            set.tick();
        }
        scaler.scheduleWithFixedDelay(serving::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        try {
            for (ReplicaSet set : workloads.values()) {
                set.awaitStarted(deadline);
            }
        } catch (InterruptedException e) {
            serving.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        }
        return serving;
    }

    private void tick() {
        for (ReplicaSet set : workloads.values()) {
            try {
                set.tick();
            } catch (RuntimeException e) {
                Log.warn(e, "%s: scaler pass failed", set.workload.name());
            }
        }
    }

    /**
     * A ready replica of {@code serviceName} with a free slot, held until the lease is closed.
     * Blocks while the Service scales from zero or every replica is at its {@code containerConcurrency}.
     *
     * @throws ServingException {@link ServingException.Reason#UNKNOWN_SERVICE unknown name},
     *                          {@link ServingException.Reason#NOT_RUNNING artifact not built},
     *                          {@link ServingException.Reason#START_FAILED the replica started for
     *                          it failed}, {@link ServingException.Reason#TIMEOUT no slot within
     *                          timeout}, {@link ServingException.Reason#CLOSED closed}
     */
    public Lease acquire(String serviceName, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        ReplicaSet set = workloads.get(serviceName);
        if (set == null) {
            throw new ServingException(ServingException.Reason.UNKNOWN_SERVICE, serviceName,
                    "no Knative Service or Deployment named '" + serviceName + "' (known: " + workloads.keySet() + ")");
        }
        return set.acquire(timeout);
    }

    /** One entry per workload, Knative Services first, in manifest order. */
    public List<ServiceStatus> status() {
        return workloads.values().stream().map(ReplicaSet::status).toList();
    }

    /**
     * Where {@code name} answers: a Deployment's first replica (its port is kept across restarts), or
     * a Knative Service's first ready replica (empty while scaled to zero: use {@link #acquire}, which
     * scales it and counts the request).
     */
    public Optional<URI> urlOf(String name) {
        ReplicaSet set = workloads.get(name);
        return set == null ? Optional.empty() : set.url();
    }

    /** Stops every process started, waiting up to 15 s for them to exit (then kills them). Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        scaler.shutdownNow();
        List<Process> processes = new ArrayList<>();
        for (ReplicaSet set : workloads.values()) {
            processes.addAll(set.close());
        }
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        for (Process p : processes) {
            try {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0 || !p.waitFor(remaining, TimeUnit.NANOSECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        pids.delete();
        http.shutdownNow();
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway; closing twice is harmless
            }
        }
    }

    private static String describe(Autoscaling s, boolean service) {
        if (!service) {
            return s.minScale() + (s.minScale() == 1 ? " replica" : " replicas") + ", always on";
        }
        return "min-scale " + s.minScale() + ", max-scale " + (s.maxScale() == 0 ? "unbounded" : s.maxScale())
                + ", target " + formatTarget(s.target())
                + ", containerConcurrency " + (s.containerConcurrency() == 0 ? "unlimited" : s.containerConcurrency())
                + ", retention " + Durations.format(s.retention());
    }

    private static String formatTarget(double target) {
        return target == Math.rint(target) ? Long.toString((long) target) : Double.toString(target);
    }
}
