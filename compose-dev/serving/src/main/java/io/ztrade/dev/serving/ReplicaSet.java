package io.ztrade.dev.serving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The replicas of one workload and the decisions Knative's autoscaler and activator make for it:
 * start replicas for requests that wait (scale from zero, scale out), hand each request a ready
 * replica with a free slot, stop replicas idle for the retention period, replace replicas that die.
 *
 * <p>Every decision is taken under one lock, from {@link #acquire}, {@link Lease#close()}, a
 * replica's readiness or exit, and the scaler's {@link #tick()}.
 */
final class ReplicaSet {

    /** Knative's default progress deadline is 10 minutes; a local JVM that is not ready in 3 is broken. */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final long PROBE_INTERVAL_MILLIS = 10;
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final long STOP_GRACE_SECONDS = 10;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    final Workload workload;
    private final ReplicaLauncher launcher;
    private final HttpClient http;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    /** Starting and ready replicas, oldest first. */
    private final List<Replica> replicas = new ArrayList<>();
    /** Replicas asked to stop whose process may still run. */
    private final List<Replica> stopping = new ArrayList<>();
    /** A Deployment keeps one port per replica slot, as a Kubernetes Service keeps its address. */
    private final int[] slotPorts;
    private int nextOrdinal = 1;
    private int waiting;
    private final ArrayDeque<Long> coldStarts = new ArrayDeque<>();
    private Instant lastRequestAt;
    private String message;
    private long failures;
    private int consecutiveFailures;
    private long backoffUntilNanos;
    private boolean closed;

    ReplicaSet(Workload workload, ReplicaLauncher launcher, HttpClient http) {
        this.workload = workload;
        this.launcher = launcher;
        this.http = http;
        this.slotPorts = new int[workload.isService() ? 0 : workload.scaling().minScale()];
        for (int i = 0; i < slotPorts.length; i++) {
            slotPorts[i] = freePort();
        }
    }

    // ---------------------------------------------------------------- requests

    Lease acquire(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            long failuresAtEntry = failures;
            waiting++;
            boolean isWaiting = true;
            try {
                while (true) {
                    if (closed) {
                        throw new ServingException(ServingException.Reason.CLOSED, workload.name(), "local serving is closed");
                    }
                    Replica r = pickReady();
                    if (r != null) {
                        r.inFlight++;
                        waiting--;
                        isWaiting = false;
                        lastRequestAt = Instant.now();
                        ensureCapacity(System.nanoTime()); // a soft target exceeded scales out now, not at the next tick
                        return new ReplicaLease(r);
                    }
                    String missing = missingArtifact();
                    if (missing != null && replicas.isEmpty()) {
                        throw new ServingException(ServingException.Reason.NOT_RUNNING, workload.name(), missing);
                    }
                    ensureCapacity(System.nanoTime());
                    if (failures != failuresAtEntry && replicas.isEmpty()) {
                        throw new ServingException(ServingException.Reason.START_FAILED, workload.name(),
                                workload.name() + ": no replica could start: " + message);
                    }
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) {
                        throw new ServingException(ServingException.Reason.TIMEOUT, workload.name(), String.format(
                                "%s: no replica with a free slot within %s (%d ready, %d starting, %d in flight, max-scale %s, containerConcurrency %s)",
                                workload.name(), Durations.format(timeout), count(Replica.State.READY), count(Replica.State.STARTING),
                                inFlight(), workload.scaling().maxScale() == 0 ? "unbounded" : workload.scaling().maxScale(),
                                workload.scaling().containerConcurrency() == 0 ? "unlimited" : workload.scaling().containerConcurrency()));
                    }
                    changed.awaitNanos(remaining);
                }
            } finally {
                if (isWaiting) {
                    waiting--;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The ready replica with the fewest requests in flight and a free slot; the oldest on a tie. */
    private Replica pickReady() {
        int limit = workload.scaling().containerConcurrency();
        Replica best = null;
        for (Replica r : replicas) {
            if (r.state == Replica.State.READY && (limit == 0 || r.inFlight < limit)
                    && (best == null || r.inFlight < best.inFlight)) {
                best = r;
            }
        }
        return best;
    }

    private void release(Replica r) {
        lock.lock();
        try {
            r.inFlight--;
            if (r.inFlight == 0) {
                r.idleSinceNanos = System.nanoTime();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private final class ReplicaLease implements Lease {
        private final Replica replica;
        private final AtomicBoolean closed = new AtomicBoolean();

        ReplicaLease(Replica replica) {
            this.replica = replica;
        }

        @Override
        public URI url() {
            return replica.url;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                release(replica);
            }
        }

        @Override
        public String toString() {
            return "Lease[" + replica.name + ", " + replica.url + "]";
        }
    }

    // ---------------------------------------------------------------- scaling

    /** One pass of the scaler: replace the dead, start what demand and min-scale want, stop the idle. */
    void tick() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            for (Replica r : List.copyOf(replicas)) {
                if (!r.process.isAlive()) {
                    exited(r);
                }
            }
            long now = System.nanoTime();
            ensureCapacity(now);
            scaleDown(now);
        } finally {
            lock.unlock();
        }
    }

    private void ensureCapacity(long now) {
        int desired = workload.scaling().desiredReplicas(inFlight() + waiting);
        int live = replicas.size();
        if (live >= desired || closed || now - backoffUntilNanos < 0) {
            return;
        }
        String missing = missingArtifact();
        if (missing != null) {
            message = missing;
            return;
        }
        if (workload.isService()) {
            Log.info("%s: scaling %d -> %d (%d in flight, %d waiting)", workload.name(), live, desired, inFlight(), waiting);
        } else {
            Log.info("%s: starting %d of %d replicas", workload.name(), desired - live, desired);
        }
        for (int i = live; i < desired; i++) {
            if (!startReplica()) {
                return;
            }
        }
    }

    private void scaleDown(long now) {
        if (!workload.isService()) {
            return;
        }
        int keep = workload.scaling().desiredReplicas(inFlight() + waiting);
        if (replicas.size() <= keep) {
            return;
        }
        long retention = workload.scaling().retention().toNanos();
        List<Replica> idle = replicas.stream()
                .filter(r -> r.state == Replica.State.READY && r.inFlight == 0 && now - r.idleSinceNanos >= retention)
                .sorted(Comparator.comparingInt((Replica r) -> r.ordinal).reversed())
                .toList();
        for (Replica r : idle) {
            if (replicas.size() <= keep) {
                return;
            }
            Log.info("%s: %s idle for %s, stopping it (%d -> %d replicas)", workload.name(), r.name,
                    Durations.format(workload.scaling().retention()), replicas.size(), replicas.size() - 1);
            stop(r);
        }
    }

    private boolean startReplica() {
        int ordinal = nextOrdinal++;
        String name = workload.name() + "-" + ordinal;
        int slot = freeSlot();
        int port = slot >= 0 ? slotPorts[slot] : freePort();
        Replica r;
        try {
            r = launcher.launch(workload, name, ordinal, slot, port);
        } catch (IOException | RuntimeException e) {
            failed(null, name + " could not be started: " + e.getMessage());
            return false;
        }
        replicas.add(r);
        r.process.onExit().thenRun(() -> {
            lock.lock();
            try {
                exited(r);
            } finally {
                lock.unlock();
            }
        });
        Thread.ofVirtual().name("probe-" + name).start(() -> probe(r));
        changed.signalAll();
        return true;
    }

    /** -1 for a Knative Service; else the Deployment slot no live replica holds. */
    private int freeSlot() {
        for (int slot = 0; slot < slotPorts.length; slot++) {
            int s = slot;
            if (replicas.stream().noneMatch(r -> r.slot == s) && stopping.stream().noneMatch(r -> r.slot == s)) {
                return slot;
            }
        }
        return -1;
    }

    /** Polls the readiness path until it answers 200, the process dies, or {@link #READY_TIMEOUT} passes. */
    private void probe(Replica r) {
        URI uri = r.url.resolve(workload.readinessPath());
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(PROBE_TIMEOUT).GET().build();
        long deadline = r.startedNanos + READY_TIMEOUT.toNanos();
        try {
            while (r.state == Replica.State.STARTING && r.process.isAlive()) {
                try {
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        ready(r, System.nanoTime());
                        return;
                    }
                } catch (IOException notListeningYet) {
                    // connection refused until the server binds its port
                }
                if (System.nanoTime() - deadline > 0) {
                    lock.lock();
                    try {
                        failed(r, r.name + " was not ready after " + Durations.format(READY_TIMEOUT) + " (GET " + uri + ")");
                    } finally {
                        lock.unlock();
                    }
                    return;
                }
                Thread.sleep(PROBE_INTERVAL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void ready(Replica r, long readyNanos) {
        lock.lock();
        try {
            if (r.state != Replica.State.STARTING || !replicas.contains(r)) {
                return;
            }
            r.state = Replica.State.READY;
            r.idleSinceNanos = readyNanos;
            long millis = TimeUnit.NANOSECONDS.toMillis(readyNanos - r.startedNanos);
            coldStarts.addLast(millis);
            while (coldStarts.size() > ServiceStatus.RECENT_COLD_STARTS) {
                coldStarts.removeFirst();
            }
            consecutiveFailures = 0;
            message = null;
            Log.info("%s: %s ready at %s in %d ms%s", workload.name(), r.name, r.url, millis, r.aotCache ? " (AOT cache)" : "");
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Called under the lock when a replica's process has ended. */
    private void exited(Replica r) {
        if (stopping.remove(r)) {
            launcher.forget(r);
            changed.signalAll();
            return;
        }
        if (!replicas.contains(r)) {
            return;
        }
        int code = r.process.isAlive() ? -1 : r.process.exitValue();
        if (r.state == Replica.State.STARTING) {
            failed(r, r.name + " exited with code " + code + " before it was ready");
            return;
        }
        replicas.remove(r);
        launcher.forget(r);
        message = r.name + " exited with code " + code + " (" + r.inFlight + " requests in flight); see "
                + launcher.logFile(workload);
        Log.warn("%s: %s", workload.name(), message);
        changed.signalAll();
    }

    /** A replica (or its launch, when {@code r} is null) failed to start: back off before the next one. */
    private void failed(Replica r, String reason) {
        if (r != null) {
            replicas.remove(r);
            if (r.process.isAlive()) {
                r.state = Replica.State.STOPPING;
                stopping.add(r);
                r.stop(0);
            } else {
                launcher.forget(r);
            }
        }
        failures++;
        consecutiveFailures++;
        Duration backoff = Duration.ofMillis(500L << Math.min(consecutiveFailures - 1, 6));
        backoff = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
        backoffUntilNanos = System.nanoTime() + backoff.toNanos();
        message = reason + "; see " + launcher.logFile(workload) + " (next start in " + Durations.format(backoff) + ")";
        Log.warn("%s: %s", workload.name(), message);
        changed.signalAll();
    }

    private void stop(Replica r) {
        replicas.remove(r);
        r.state = Replica.State.STOPPING;
        stopping.add(r);
        r.stop(STOP_GRACE_SECONDS);
        changed.signalAll();
    }

    // ---------------------------------------------------------------- queries

    /** Null when the artifact exists; else a sentence saying how to build it. */
    private String missingArtifact() {
        if (Files.isRegularFile(workload.jar())) {
            return null;
        }
        return workload.name() + ": " + workload.module() + "/target/quarkus-app/quarkus-run.jar is not built"
                + " (./mvnw -pl " + workload.module() + " package -DskipTests)";
    }

    boolean runnable() {
        return missingArtifact() == null;
    }

    private int inFlight() {
        int n = 0;
        for (Replica r : replicas) {
            n += r.inFlight;
        }
        return n;
    }

    private int count(Replica.State state) {
        int n = 0;
        for (Replica r : replicas) {
            if (r.state == state) {
                n++;
            }
        }
        return n;
    }

    Optional<URI> url() {
        lock.lock();
        try {
            if (!workload.isService() && slotPorts.length > 0) {
                return runnable() ? Optional.of(URI.create("http://localhost:" + slotPorts[0])) : Optional.empty();
            }
            return replicas.stream().filter(r -> r.state == Replica.State.READY).map(r -> r.url).findFirst();
        } finally {
            lock.unlock();
        }
    }

    ServiceStatus status() {
        lock.lock();
        try {
            Autoscaling s = workload.scaling();
            List<URI> urls = replicas.stream().filter(r -> r.state == Replica.State.READY).map(r -> r.url).toList();
            String msg = message != null ? message : missingArtifact();
            return new ServiceStatus(workload.name(), workload.kind(), workload.module(), urls,
                    count(Replica.State.READY), count(Replica.State.STARTING), s.minScale(), s.maxScale(), s.target(),
                    s.containerConcurrency(), s.retention(), inFlight(), waiting, List.copyOf(coldStarts),
                    coldStarts.peekLast(), lastRequestAt, launcher.usesAotCache(workload),
                    replicas.stream().filter(r -> r.state != Replica.State.STOPPING).map(Replica::rssBytes).toList(), msg);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until no replica is starting (each is ready or has failed), or {@code deadline}. */
    void awaitStarted(long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            while (count(Replica.State.STARTING) > 0 && !closed) {
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    return;
                }
                changed.awaitNanos(remaining);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops every replica; returns their processes so the caller can wait for them. */
    List<Process> close() {
        lock.lock();
        try {
            closed = true;
            for (Replica r : List.copyOf(replicas)) {
                stop(r);
            }
            changed.signalAll();
            return stopping.stream().map(r -> r.process).toList();
        } finally {
            lock.unlock();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }
}
