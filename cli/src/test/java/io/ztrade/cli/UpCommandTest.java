package io.ztrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.cli.fixture.FakeEmulator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpCommandTest {

    @TempDir
    Path root;

    private final String previousRoot = System.getProperty("ztrade.root");

    @AfterEach
    void restoreRoot() {
        if (previousRoot == null) {
            System.clearProperty("ztrade.root");
        } else {
            System.setProperty("ztrade.root", previousRoot);
        }
    }

    private Path packageFakeEmulator() throws Exception {
        Path app = Files.createDirectories(root.resolve(UpCommand.EMULATOR));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeEmulator.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH,
                FakeEmulator.class.getProtectionDomain().getCodeSource().getLocation().toURI().toString());
        try (OutputStream out = Files.newOutputStream(app.resolve("quarkus-run.jar")); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return app;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void runsTheEmulatorInTheForegroundWithThePortAndRootAndReturnsItsExitCode() throws Exception {
        packageFakeEmulator();
        System.setProperty("ztrade.root", root.toString());
        int port = freePort();

        Run run = Run.of("up", "--port", Integer.toString(port));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(7);
        assertThat(Files.readString(root.resolve("args.txt"))).isEqualTo("up --port " + port + " --root " + root.toAbsolutePath().normalize());
    }

    @Test
    void devIsUpWithTheFunctionsInDevMode() throws Exception {
        packageFakeEmulator();
        System.setProperty("ztrade.root", root.toString());
        int port = freePort();

        Run run = Run.of("dev", "backtest", "--port", Integer.toString(port));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(7);
        assertThat(Files.readString(root.resolve("args.txt")))
                .isEqualTo("up --port " + port + " --root " + root.toAbsolutePath().normalize() + " --dev backtest");
        assertThat(Run.of("dev").exitCode()).as("a function is required").isEqualTo(2);
    }

    @Test
    void passesTheDevModeFunctionsToTheEmulator() throws Exception {
        Path app = packageFakeEmulator();

        assertThat(UpCommand.command(root, app, 21, 8080, List.of("backtest", "sentiment")))
                .endsWith("--dev", "backtest,sentiment");
        assertThat(UpCommand.command(root, app, 21, 8080, List.of())).doesNotContain("--dev");
    }

    @Test
    void startsTheEmulatorWithItsAotCacheOnJdk25() throws Exception {
        Path app = packageFakeEmulator();
        Files.writeString(app.resolve("app.aot"), "cache");

        assertThat(UpCommand.command(root, app, 25, 8080, List.of())).contains("-XX:AOTCache=" + app.resolve("app.aot"));
        assertThat(UpCommand.command(root, app, 21, 8080, List.of())).noneMatch(a -> a.startsWith("-XX:AOTCache"));
    }

    @Test
    void saysHowToBuildTheEmulatorWhenItIsMissing() {
        System.setProperty("ztrade.root", root.toString());

        Run run = Run.of("up");

        assertThat(run.exitCode()).isEqualTo(CliException.FAILED);
        assertThat(run.err()).contains("compose-dev/emulator/target/quarkus-app/quarkus-run.jar is not built", "./ztrade up");
    }

    @Test
    void refusesAPortThatIsTaken() throws Exception {
        packageFakeEmulator();
        System.setProperty("ztrade.root", root.toString());
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run run = Run.of("up", "--port", Integer.toString(taken.getLocalPort()));

            assertThat(run.exitCode()).isEqualTo(CliException.FAILED);
            assertThat(run.err()).contains("port " + taken.getLocalPort() + " is in use");
            assertThat(root.resolve("args.txt")).doesNotExist();
        }
    }
}
