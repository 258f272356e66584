package io.ztrade.dev.emulator.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.ztrade.dev.emulator.support.fixture.RecordingFunction;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Test resource: a repository laid out as serving expects, in a temporary folder. The manifests of
 * {@code src/test/resources/manifests/serving} are copied to its {@code manifests/} with
 * {@code ${RECORD_DIR}} replaced by the folder where the function records what it receives, and
 * {@code functions/recording/target/quarkus-app/quarkus-run.jar} launches {@link RecordingFunction}
 * from the test classes. Provides {@code ztrade.root}, {@code ztrade.manifests},
 * {@code ztrade.serving.log-dir} and, for the tests, {@code function.records}.
 */
public class FunctionRepository implements QuarkusTestResourceLifecycleManager {

    private Path root;

    @Override
    public Map<String, String> start() {
        try {
            root = Files.createTempDirectory("ztrade-serving-");
            Path records = Files.createDirectories(root.resolve("records"));
            Path manifests = Files.createDirectories(root.resolve("manifests"));
            Path from = Path.of(resource("manifests/serving").toURI());
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.writeString(manifests.resolve(f.getFileName().toString()),
                            Files.readString(f, StandardCharsets.UTF_8).replace("${RECORD_DIR}", records.toString()));
                }
            }
            packageFunction(root.resolve("functions/recording/target/quarkus-app"));
            Map<String, String> config = new LinkedHashMap<>();
            config.put("ztrade.root", root.toString());
            config.put("ztrade.manifests", "manifests");
            config.put("ztrade.serving.log-dir", root.resolve("logs").toString());
            config.put("function.records", records.toString());
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An empty jar whose manifest runs {@link RecordingFunction} from the test classes. */
    private static void packageFunction(Path app) throws IOException {
        Files.createDirectories(app);
        // tests run in compose-dev/emulator; the function's classes are the module's test classes
        String testClasses = Path.of(System.getProperty("user.dir"), "target/test-classes").toUri().toString();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, RecordingFunction.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, testClasses);
        try (OutputStream out = Files.newOutputStream(app.resolve("quarkus-run.jar"));
                JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
    }

    private static URL resource(String name) {
        URL url = FunctionRepository.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("no test resource " + name);
        }
        return url;
    }

    @Override
    public void stop() {
        if (root != null) {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary folder; nothing else to do
            }
        }
    }
}
