package io.ztrade.dev.serving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The processes one {@link LocalServing} started, written to {@code <logDir>/.pids/<owner pid>-<n>}.
 * A JVM that is killed outright ({@code kill -9}) cannot stop its children; the next start finds its
 * file, sees the owner is gone, and stops the processes still listed (each identified by pid and
 * start time, so a reused pid is never hit).
 */
final class PidRegistry {

    /** Start times read from /proc have a resolution of a clock tick; allow for rounding. */
    private static final long START_TOLERANCE_MILLIS = 1_000;

    /** One file per registry, so that several LocalServing instances of one JVM may share a log directory. */
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Path file;
    private final Map<Long, String> live = new LinkedHashMap<>();

    private PidRegistry(Path file) {
        this.file = file;
    }

    /** Stops what earlier, dead owners left behind in {@code dir}, then opens this JVM's registry there. */
    static PidRegistry open(Path dir) {
        try {
            Files.createDirectories(dir);
            reapOrphans(dir);
            PidRegistry registry = new PidRegistry(dir.resolve(ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet()));
            registry.write();
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + dir + " to record started processes", e);
        }
    }

    synchronized void add(ProcessHandle process, String name) {
        live.put(process.pid(), line(process, name));
        write();
    }

    synchronized void remove(ProcessHandle process) {
        if (live.remove(process.pid()) != null) {
            write();
        }
    }

    /** Deletes this JVM's file: everything it listed has been stopped. */
    synchronized void delete() {
        live.clear();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            Log.warn("cannot delete %s: %s", file, e.getMessage());
        }
    }

    private void write() {
        StringBuilder sb = new StringBuilder();
        sb.append(line(ProcessHandle.current(), "owner")).append('\n');
        live.values().forEach(l -> sb.append(l).append('\n'));
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Log.warn("cannot record started processes in %s: %s", file, e.getMessage());
        }
    }

    private static String line(ProcessHandle p, String name) {
        long started = p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return p.pid() + " " + started + " " + name;
    }

    private static void reapOrphans(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, p -> p.getFileName().toString().matches("\\d+(-\\d+)?"))) {
            stream.forEach(files::add);
        }
        for (Path f : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                continue;
            }
            if (lines.isEmpty() || running(lines.get(0)).isPresent()) {
                continue; // a live owner manages its own processes
            }
            for (String l : lines.subList(1, lines.size())) {
                running(l).ifPresent(p -> {
                    Log.info("stopping %s (pid %d), left behind by a run that did not shut down",
                            l.substring(l.lastIndexOf(' ') + 1), p.pid());
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                });
            }
            Files.deleteIfExists(f);
        }
    }

    /** The process a registry line names, if it still runs (same pid, same start time). */
    private static Optional<ProcessHandle> running(String line) {
        String[] parts = line.trim().split(" ", 3);
        if (parts.length < 2) {
            return Optional.empty();
        }
        long pid;
        long started;
        try {
            pid = Long.parseLong(parts[0]);
            started = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> p.info().startInstant()
                .map(i -> Math.abs(i.toEpochMilli() - started) <= START_TOLERANCE_MILLIS)
                .orElse(false));
    }
}
