package io.ztrade.dev;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One function, run as a local process of its packaged artifact (Quarkus fast-jar). */
final class FunctionProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final URI url;

    private FunctionProcess(String name, Process process, URI url) {
        this.name = name;
        this.process = process;
        this.url = url;
    }

    static FunctionProcess start(String name, Path jar, int port, Map<String, String> env, List<String> jvmArgs, Path logDir)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw -DskipTests package");
        }
        Files.createDirectories(logDir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.environment().put("PORT", Integer.toString(port));
        Path log = logDir.resolve(name + ".log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        LocalPlatform.log("starting function %s on port %d (log: %s)", name, port, log);
        return new FunctionProcess(name, pb.start(), URI.create("http://localhost:" + port + "/"));
    }

    URI url() {
        return url;
    }

    /** Waits until the function answers {@code /q/health/ready}. */
    void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("function " + name + " exited with " + process.exitValue() + "; see its log");
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(url.resolve("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("function " + name + " not ready after 90 s");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
