package io.ztrade.dev.emulator.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ztrade.dev.emulator.broker.Routes;
import io.ztrade.dev.emulator.filter.InvalidFilterException;
import io.ztrade.dev.emulator.manifest.ManifestException;
import io.ztrade.dev.emulator.manifest.Manifests;
import io.ztrade.dev.emulator.manifest.Topology;
import io.ztrade.dev.emulator.sources.KafkaSources;
import io.ztrade.dev.emulator.sources.PingSources;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Manifest loading, as the local platform does it at start: the input is one YAML file (several
 * documents allowed); it is parsed into typed Knative and Kubernetes models, then brokers, triggers
 * (filters, delivery), PingSources and KafkaSources are compiled. The outcome is a topology or a
 * {@link ManifestException}/{@link InvalidFilterException} that names the file and field; never
 * anything else.
 *
 * <p>Seeds: {@code src/test/resources/io/ztrade/dev/emulator/fuzz/ManifestFuzzTestInputs/}.
 */
public class ManifestFuzzTest {

    private static final Path FILE = Path.of("eventing/fuzz.yaml");

    @FuzzTest
    void loadsAnyYamlAsATopologyOrANamedError(byte[] input) {
        fuzzerTestOneInput(input);
    }

    public static void fuzzerTestOneInput(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            Topology topology = new Topology(Manifests.parse(FILE, text, "ztrade"));
            Routes.compile(topology, Duration.ofMinutes(5), 4);
            new PingSources(topology, null);
            new KafkaSources(topology, null, Duration.ofMinutes(5));
        } catch (ManifestException | InvalidFilterException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("an error must say what is wrong", e);
            }
        }
    }
}
