package io.ztrade.dev.emulator.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Test resource: a {@link Recorder} subscriber, and the manifests of {@code src/test/resources/manifests/<set>}
 * copied to a temporary folder with {@code ${RECORDER}} replaced by its address; the emulator reads
 * them. Provides {@code recorder.url} for the tests, {@code ztrade.manifests}, and the fixed address
 * of the Knative Service {@code sub-a} ({@code <recorder>/a}).
 */
public class PlatformManifests implements QuarkusTestResourceLifecycleManager {

    /** Init argument: which folder under {@code manifests/}. */
    public static final String SET = "set";

    private String set = "basic";
    private Recorder recorder;
    private Path dir;

    @Override
    public void init(Map<String, String> initArgs) {
        set = initArgs.getOrDefault(SET, set);
    }

    @Override
    public Map<String, String> start() {
        try {
            recorder = new Recorder();
            dir = Files.createTempDirectory("ztrade-manifests-");
            URL source = PlatformManifests.class.getClassLoader().getResource("manifests/" + set);
            Path from = Path.of(source.toURI());
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path to = dir.resolve(from.relativize(f).toString());
                    Files.createDirectories(to.getParent());
                    Files.writeString(to, Files.readString(f, StandardCharsets.UTF_8).replace("${RECORDER}", recorder.url().toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> config = new LinkedHashMap<>();
        config.put("recorder.url", recorder.url().toString());
        config.put("ztrade.manifests", dir.toString());
        config.put("ztrade.services.\"sub-a\".url", recorder.url() + "/a");
        return config;
    }

    @Override
    public void stop() {
        if (recorder != null) {
            recorder.close();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary folder; nothing else to do
            }
        }
    }
}
