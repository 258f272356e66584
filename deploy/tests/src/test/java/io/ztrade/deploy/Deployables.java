package io.ztrade.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The modules that become containers: every function module and the orderbook service. */
final class Deployables {

    private Deployables() {}

    /** Paths relative to the repository root, e.g. {@code functions/backtest}. */
    static List<Path> modules() {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> fns = Files.list(Repository.ROOT.resolve("functions"))) {
            fns.filter(m -> Files.isRegularFile(m.resolve("pom.xml"))).sorted().forEach(m -> out.add(Repository.ROOT.relativize(m)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.add(Path.of("orderbook/service"));
        return out;
    }
}
