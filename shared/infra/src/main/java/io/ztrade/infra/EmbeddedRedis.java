package io.ztrade.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import redis.embedded.core.ExecutableProvider;
import redis.embedded.model.OsArchitecture;

/**
 * A real Redis server as a child process: Debian's {@code redis-server} when it is on the
 * {@code PATH}, otherwise the binary shipped in {@code com.github.codemonstur:embedded-redis}.
 * Listens on a free port of {@code 127.0.0.1}, keeps nothing on disk ({@code --save ""},
 * {@code --appendonly no}) and works in a temporary directory that {@link #close()} deletes.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int START_ATTEMPTS = 3;
    private static final int OUTPUT_LINES_KEPT = 40;

    private final Process process;
    private final int port;
    private final Path executable;
    private final Path workDirectory;
    private final Thread shutdownHook;
    private boolean closed;

    private EmbeddedRedis(Process process, int port, Path executable, Path workDirectory) {
        this.process = process;
        this.port = port;
        this.executable = executable;
        this.workDirectory = workDirectory;
        this.shutdownHook = ShutdownHooks.register("redis", this::close);
    }

    /** Starts {@code redis-server} from the {@code PATH}, or the bundled binary when there is none. */
    public static EmbeddedRedis start() {
        return start(findOnPath("redis-server"));
    }

    /** Starts the binary bundled in {@code embedded-redis}, whatever the {@code PATH} holds. */
    public static EmbeddedRedis startBundled() {
        return start(Optional.empty());
    }

    private static EmbeddedRedis start(Optional<Path> installed) {
        Path work = Directories.createTemp("redis");
        try {
            Path executable = installed.isPresent() ? installed.get() : extractBundled(work);
            IllegalStateException last = null;
            for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
                try {
                    return launch(executable, FreePorts.find(), work);
                } catch (IllegalStateException e) {
                    // Most likely the port was taken between choosing and binding it: try another.
                    last = e;
                }
            }
            throw last;
        } catch (RuntimeException e) {
            Directories.deleteRecursively(work);
            throw e;
        }
    }

    private static EmbeddedRedis launch(Path executable, int port, Path work) {
        List<String> command = List.of(executable.toString(),
                "--port", Integer.toString(port),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--dir", work.toString(),
                "--daemonize", "no",
                "--loglevel", "warning",
                "--logfile", "");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + executable, e);
        }
        Deque<String> output = drain(process.getInputStream(), port);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server " + executable + " exited with " + process.exitValue()
                        + " on port " + port + ": " + lines(output));
            }
            if (answersPing(port)) {
                return new EmbeddedRedis(process, port, executable, work);
            }
            sleep(20);
        }
        stop(process);
        throw new IllegalStateException("redis-server " + executable + " did not answer PING on port " + port
                + " within " + START_TIMEOUT + ": " + lines(output));
    }

    /** Reads the server's output so that its pipe never fills up, keeping the last lines for errors. */
    private static Deque<String> drain(InputStream stream, int port) {
        Deque<String> kept = new ArrayDeque<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (kept) {
                        kept.addLast(line);
                        if (kept.size() > OUTPUT_LINES_KEPT) {
                            kept.removeFirst();
                        }
                    }
                }
            } catch (IOException ignored) {
                // The process is gone.
            }
        }, "ztrade-redis-" + port + "-output");
        reader.setDaemon(true);
        reader.start();
        return kept;
    }

    private static String lines(Deque<String> output) {
        synchronized (output) {
            return output.isEmpty() ? "(no output)" : String.join(" | ", output);
        }
    }

    private static boolean answersPing(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            socket.setSoTimeout(500);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = socket.getInputStream().readNBytes(7);
            return "+PONG\r\n".equals(new String(reply, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }

    static Optional<Path> findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Path extractBundled(Path work) {
        OsArchitecture platform = OsArchitecture.detectOSandArchitecture();
        String resource = ExecutableProvider.newProvidedVersionsMap().get(platform);
        if (resource == null) {
            throw new IllegalStateException("embedded-redis ships no Redis binary for " + platform
                    + "; install redis-server on the PATH");
        }
        Path target = work.resolve("redis-server");
        try (InputStream in = ExecutableProvider.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Redis binary " + resource + " missing from embedded-redis");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the bundled Redis binary to " + target, e);
        }
        if (!target.toFile().setExecutable(true, true)) {
            throw new IllegalStateException("cannot make " + target + " executable");
        }
        return target;
    }

    public int port() {
        return port;
    }

    /** {@code redis://localhost:PORT}, for {@code quarkus.redis.hosts}. */
    public String uri() {
        return "redis://localhost:" + port;
    }

    /** The {@code redis-server} binary that runs. */
    public Path executable() {
        return executable;
    }

    /** Stops the server (SIGTERM, then SIGKILL after 10 s) and deletes its directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop(process);
        Directories.deleteRecursively(workDirectory);
        ShutdownHooks.unregister(shutdownHook);
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Redis", e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedRedis[" + uri() + ", " + executable + "]";
    }
}
