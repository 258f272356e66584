package io.ztrade.dev.serving;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** One process of a workload. Mutable fields are guarded by the owning {@link ReplicaSet}'s lock. */
final class Replica {

    enum State { STARTING, READY, STOPPING }

    final String name;
    final int ordinal;
    /** The Deployment slot whose port this replica keeps across restarts; -1 for a Knative Service. */
    final int slot;
    final int port;
    final URI url;
    final Process process;
    final long startedNanos;
    final boolean aotCache;

    State state = State.STARTING;
    int inFlight;
    long idleSinceNanos;

    Replica(String name, int ordinal, int slot, int port, Process process, long startedNanos, boolean aotCache) {
        this.name = name;
        this.ordinal = ordinal;
        this.slot = slot;
        this.port = port;
        this.url = URI.create("http://localhost:" + port);
        this.process = process;
        this.startedNanos = startedNanos;
        this.aotCache = aotCache;
        this.idleSinceNanos = startedNanos;
    }

    /**
     * The resident set size of the replica's process in bytes (Linux {@code /proc/<pid>/status}
     * {@code VmRSS}), or -1 where that cannot be read (another OS, the process has gone).
     */
    long rssBytes() {
        return rssBytes(process.pid());
    }

    static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024; // kB
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process has exited
        }
        return -1;
    }

    /** Asks the process to stop (SIGTERM, as the kubelet does), and kills it if it lingers. */
    void stop(long graceSeconds) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        process.onExit().orTimeout(graceSeconds, TimeUnit.SECONDS).exceptionally(timeout -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return process;
        });
    }

    @Override
    public String toString() {
        return name + "[" + state + ", " + url + ", pid " + process.pid() + "]";
    }
}
