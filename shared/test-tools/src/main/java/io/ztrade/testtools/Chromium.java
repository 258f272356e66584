package io.ztrade.testtools;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * The headless Chromium the page tests drive: by default the pinned build the test-tools module
 * fetched ({@code @sparticuz/chromium}, see {@code tools.properties}), unpacked once beside its
 * archive; {@code -Dztrade.chromium=/path/to/chrome} (or {@code ZTRADE_CHROMIUM}) uses another one.
 *
 * <p>Unpacking: the npm archive holds {@code bin/chromium.br} (the executable) and
 * {@code bin/*.tar.br} (the shared libraries, SwiftShader and fonts it needs), all Brotli-compressed.
 * They are written to a folder next to the archive, under a file lock so that several test JVMs can
 * ask at once, and marked complete only when everything is written.
 */
public final class Chromium {

    /** System property naming a Chromium/Chrome executable to use instead of the pinned one. */
    public static final String OVERRIDE_PROPERTY = "ztrade.chromium";
    /** Environment variable with the same meaning as {@link #OVERRIDE_PROPERTY}. */
    public static final String OVERRIDE_ENV = "ZTRADE_CHROMIUM";

    private static final String COMPLETE = ".complete";
    /** The package's fonts.conf points at Lambda's folders; this one at the unpacked fonts (and the system's). */
    private static final String FONTS_CONF = "ztrade-fonts.conf";

    private final Path executable;
    private final Map<String, String> environment;
    private final List<String> flags;
    private final String description;

    private Chromium(Path executable, Map<String, String> environment, List<String> flags, String description) {
        this.executable = executable;
        this.environment = Map.copyOf(environment);
        this.flags = List.copyOf(flags);
        this.description = description;
    }

    /**
     * The Chromium to use.
     *
     * @throws IllegalStateException saying what to do when there is none: the pinned build exists
     *     for Linux x86_64 only, elsewhere {@value #OVERRIDE_PROPERTY} must name one
     */
    public static Chromium find() {
        String override = System.getProperty(OVERRIDE_PROPERTY);
        if (override == null || override.isBlank()) {
            override = System.getenv(OVERRIDE_ENV);
        }
        if (override != null && !override.isBlank()) {
            Path exe = Path.of(override.strip());
            if (!Files.isExecutable(exe)) {
                throw new IllegalStateException(OVERRIDE_PROPERTY + "/" + OVERRIDE_ENV + " names " + exe + ", which is not an executable file");
            }
            return new Chromium(exe, Map.of(), List.of("--headless=new"), exe.toString());
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new IllegalStateException("the build's pinned headless Chromium runs on Linux x86_64 only, this is " + os + "/" + arch
                    + ": set -D" + OVERRIDE_PROPERTY + "=/path/to/chrome (or " + OVERRIDE_ENV + ") to a local Chrome or Chromium");
        }
        Properties tools = tools();
        Path archive = Path.of(tools.getProperty("chromium.archive"));
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the pinned Chromium archive " + archive + " is missing: build shared/test-tools first"
                    + " (./mvnw -pl shared/test-tools package), which downloads it, or set -D" + OVERRIDE_PROPERTY);
        }
        Path dir = archive.resolveSibling("chromium-" + tools.getProperty("chromium.version"));
        unpack(archive, dir);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LD_LIBRARY_PATH", dir.resolve("lib").toString());
        env.put("FONTCONFIG_FILE", dir.resolve(FONTS_CONF).toString());
        // What the package's own launcher passes: a headless shell in one process, no zygote.
        List<String> flags = List.of("--headless=shell", "--single-process", "--no-zygote", "--use-gl=angle",
                "--use-angle=swiftshader", "--enable-unsafe-swiftshader");
        return new Chromium(dir.resolve("chromium"), env, flags, "@sparticuz/chromium " + tools.getProperty("chromium.version"));
    }

    /** The executable. */
    public Path executable() {
        return executable;
    }

    /** What this is, for messages: a version or a path. */
    public String description() {
        return description;
    }

    /**
     * A command line for a headless browser with a throw-away profile and a DevTools port chosen by
     * the browser (it prints {@code DevTools listening on ws://...} on stderr).
     */
    public ProcessBuilder command(Path profile) {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable.toString());
        cmd.addAll(flags);
        // No network beyond localhost here: nothing in the background may phone home.
        cmd.addAll(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--disable-default-apps", "--no-first-run", "--no-default-browser-check",
                "--disable-dev-shm-usage", "--disable-quic", "--hide-scrollbars", "--mute-audio", "--window-size=1280,900",
                "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(environment);
        return pb;
    }

    private static Properties tools() {
        Properties p = new Properties();
        try (InputStream in = Chromium.class.getResourceAsStream("tools.properties")) {
            if (in == null) {
                throw new IllegalStateException("io/ztrade/testtools/tools.properties is missing from the classpath");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Unpacks {@code archive} into {@code dir} unless a complete unpacking is there already. */
    static void unpack(Path archive, Path dir) {
        if (Files.exists(dir.resolve(COMPLETE))) {
            return;
        }
        try {
            Files.createDirectories(dir.getParent());
            try (FileChannel lockFile = FileChannel.open(dir.resolveSibling(dir.getFileName() + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                    FileLock lock = lockFile.lock()) {
                if (Files.exists(dir.resolve(COMPLETE))) {
                    return; // another JVM finished it while this one waited
                }
                deleteTree(dir);
                Files.createDirectories(dir);
                try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(
                        new BufferedInputStream(Files.newInputStream(archive))))) {
                    for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                        String name = e.getName();
                        if (name.equals("package/bin/chromium.br")) {
                            Path exe = dir.resolve("chromium");
                            try (OutputStream out = Files.newOutputStream(exe)) {
                                new BrotliInputStream(tar).transferTo(out);
                            }
                            Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
                        } else if (name.startsWith("package/bin/") && name.endsWith(".tar.br")) {
                            untar(new BrotliInputStream(tar), dir);
                        }
                    }
                }
                if (!Files.isExecutable(dir.resolve("chromium"))) {
                    throw new IllegalStateException(archive + " holds no bin/chromium.br");
                }
                Files.writeString(dir.resolve(FONTS_CONF), """
                        <?xml version="1.0"?>
                        <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
                        <fontconfig>
                          <dir>%s</dir>
                          <dir>/usr/share/fonts</dir>
                          <cachedir>%s</cachedir>
                        </fontconfig>
                        """.formatted(dir.resolve("fonts"), dir.resolve("fonts-cache")));
                Files.writeString(dir.resolve(COMPLETE), archive.getFileName().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + archive + " into " + dir, e);
        }
    }

    private static void untar(InputStream in, Path dir) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
            Path target = dir.resolve(e.getName()).normalize();
            if (!target.startsWith(dir)) {
                throw new IOException("archive entry " + e.getName() + " points outside " + dir);
            }
            if (e.isDirectory()) {
                Files.createDirectories(target);
            } else if (e.isSymbolicLink()) {
                Files.createDirectories(target.getParent());
                Files.deleteIfExists(target);
                Files.createSymbolicLink(target, Path.of(e.getLinkName()));
            } else {
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    tar.transferTo(out);
                }
                if ((e.getMode() & 0100) != 0) {
                    target.toFile().setExecutable(true, false);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
