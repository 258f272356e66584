package io.ztrade.dev.emulator;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.ztrade.infra.EmbeddedInfrastructure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./ztrade up}: starts the embedded Kafka, PostgreSQL and Redis (data under
 * {@code <root>/.ztrade/data}) unless {@code ztrade.infra.external=true}, hands their addresses to
 * Quarkus as system properties, then runs the emulator until Ctrl-C, and stops what it started.
 *
 * <p>Arguments: {@code [up] [--port N] [--root DIR] [--dev SERVICE,...]}; anything else goes to Quarkus.
 */
@QuarkusMain
public final class EmulatorMain {

    EmulatorMain() {}

    public static void main(String... args) {
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "up" -> { }
                case "--port" -> System.setProperty("quarkus.http.port", value(args, ++i, "--port"));
                case "--root" -> System.setProperty("ztrade.root", value(args, ++i, "--root"));
                case "--dev" -> System.setProperty("ztrade.serving.dev", value(args, ++i, "--dev"));
                default -> rest.add(args[i]);
            }
        }
        Path root = Path.of(setting("ztrade.root", ".")).toAbsolutePath().normalize();
        EmbeddedInfrastructure infra = null;
        if (!Boolean.parseBoolean(setting("ztrade.infra.external", "false"))) {
            Path data = Path.of(setting("ztrade.infra.data-dir", root.resolve(".ztrade/data").toString()));
            System.out.println("[ztrade] starting Kafka, PostgreSQL and Redis (data in " + data + ")");
            infra = EmbeddedInfrastructure.start(data);
            for (Map.Entry<String, String> e : infra.quarkusConfig().entrySet()) {
                // The emulator has no Redis client; it hands the address to the functions it starts.
                System.setProperty(e.getKey().equals("quarkus.redis.hosts") ? "ztrade.redis.hosts" : e.getKey(), e.getValue());
            }
        }
        System.setProperty("ztrade.root", root.toString());
        try {
            Quarkus.run(rest.toArray(String[]::new));
        } finally {
            if (infra != null) {
                infra.close();
            }
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            System.err.println("[ztrade] " + option + " needs a value");
            System.exit(2);
        }
        return args[i];
    }

    /** A setting from a system property, else its environment variable ({@code ztrade.infra.external} -> {@code ZTRADE_INFRA_EXTERNAL}). */
    private static String setting(String key, String fallback) {
        String v = System.getProperty(key);
        if (v == null) {
            v = System.getenv(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        return v == null || v.isBlank() ? fallback : v;
    }
}
