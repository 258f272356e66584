package io.ztrade.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ztrade up}: runs the local platform (the emulator of compose-dev/emulator) in the
 * foreground with this terminal's input and output. Ctrl-C stops it; it stops everything it started.
 */
@Command(name = "up",
        description = {"Starts the platform locally in the foreground: embedded Kafka, PostgreSQL and Redis, the orderbook,",
                "the broker and the status page; functions start on demand. Ctrl-C stops everything."},
        mixinStandardHelpOptions = true)
final class UpCommand implements Callable<Integer> {

    static final String EMULATOR = "compose-dev/emulator/target/quarkus-app";
    private static final long STOP_WAIT_SECONDS = 30;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N",
            description = "Port of the broker ingress, the status page and the API. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--dev", split = ",", paramLabel = "FUNCTION",
            description = {"Run these functions (Knative Service names, e.g. backtest) in Quarkus dev mode from their sources:",
                    "edit a file and the next event runs the new code, nothing else restarts."})
    List<String> dev = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path root = root();
        Path app = root.resolve(EMULATOR);
        Path jar = app.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new CliException(CliException.FAILED, EMULATOR + "/quarkus-run.jar is not built: run ./ztrade up from the repository root"
                    + " (it builds what is missing), or ./mvnw -pl compose-dev/emulator -am package -DskipTests");
        }
        if (!portIsFree(port)) {
            throw new CliException(CliException.FAILED, "port " + port + " is in use: is Ztrade already running? (./ztrade jobs talks to it;"
                    + " ./ztrade up --port N starts another)");
        }
        Process process = new ProcessBuilder(command(root, app, Runtime.version().feature(), port, dev))
                .directory(root.toFile())
                .inheritIO()
                .start();
        Thread stop = new Thread(() -> stop(process), "ztrade-up-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        int code = process.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook stops the emulator
        }
        return code;
    }

    /** {@code java [-XX:AOTCache=app.aot] -jar quarkus-run.jar up --port N --root ROOT [--dev A,B]}, on the JVM running this. */
    static List<String> command(Path root, Path app, int javaFeature, int port, List<String> dev) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path aot = app.resolve("app.aot");
        if (javaFeature >= 25 && Files.isRegularFile(aot)) {
            command.add("-XX:AOTCache=" + aot);
        }
        command.add("-jar");
        command.add(app.resolve("quarkus-run.jar").toString());
        command.addAll(List.of("up", "--port", Integer.toString(port), "--root", root.toString()));
        if (!dev.isEmpty()) {
            command.addAll(List.of("--dev", String.join(",", dev)));
        }
        return command;
    }

    /** The repository: {@code -Dztrade.root} (the ./ztrade script sets it), else the working directory. */
    static Path root() {
        return Path.of(System.getProperty("ztrade.root", ".")).toAbsolutePath().normalize();
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGTERM (a graceful Quarkus shutdown that closes Kafka, PostgreSQL, Redis and the functions), then SIGKILL. */
    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
