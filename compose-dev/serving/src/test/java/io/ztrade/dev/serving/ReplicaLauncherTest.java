package io.ztrade.dev.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicaLauncherTest {

    @TempDir
    Path dir;

    private ServingConfig config;
    private Workload echo;

    @BeforeEach
    void packageTheEchoFunction() throws Exception {
        TestRepository repo = new TestRepository(dir).withFunction("functions/echo");
        config = repo.config(Map.of(), Duration.ofSeconds(30));
        echo = Workload.of(TestRepository.service("echo", Map.of(), 0), config);
    }

    private ServingConfig repoConfig(Map<String, String> env) {
        return new ServingConfig(config.repoRoot(), env, null, config.logDir(), config.defaultRetention());
    }

    private ReplicaLauncher launcher(int javaFeature) {
        return new ReplicaLauncher(config, Path.of("/jdk/bin/java"), javaFeature, null);
    }

    @Test
    void startsTheArtifactOfTheModuleTheManifestNames() {
        assertThat(launcher(25).command(echo))
                .containsExactly("/jdk/bin/java", "-jar", dir.resolve("functions/echo/target/quarkus-app/quarkus-run.jar").toString());
    }

    @Test
    void startsWithTheAotCacheOnJdk25WhenTheArtifactHasOne() throws Exception {
        Path aot = Files.writeString(dir.resolve("functions/echo/target/quarkus-app/app.aot"), "cache");

        assertThat(launcher(25).command(echo)).containsSubsequence("/jdk/bin/java", "-XX:AOTCache=" + aot, "-jar");
        assertThat(launcher(25).usesAotCache(echo)).isTrue();
    }

    @Test
    void startsWithoutTheAotCacheOnOlderJdks() throws Exception {
        Files.writeString(dir.resolve("functions/echo/target/quarkus-app/app.aot"), "cache");

        assertThat(launcher(21).command(echo)).noneMatch(arg -> arg.startsWith("-XX:AOTCache"));
        assertThat(launcher(21).usesAotCache(echo)).isFalse();
    }

    @Test
    void startsWithoutTheAotCacheWhenNoneWasBuilt() {
        assertThat(launcher(25).command(echo)).noneMatch(arg -> arg.startsWith("-XX:AOTCache"));
    }

    @Test
    void passesTheContainersJavaOptsAppendToTheJvmAsTheQuarkusImageWould() {
        Workload tuned = Workload.of(TestRepository.service("echo", Map.of(), 0,
                java.util.List.of(new io.fabric8.kubernetes.api.model.EnvVarBuilder().withName("JAVA_OPTS_APPEND")
                        .withValue(" -XX:+UseSerialGC  -XX:TieredStopAtLevel=1 ").build())), config);

        assertThat(launcher(25).command(tuned)).containsSubsequence("/jdk/bin/java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar");
    }

    @Test
    void putsTheCollectorFirstAndThePlatformsOptionsAfterTheContainersAsRunJavaWould() {
        Workload tuned = Workload.of(TestRepository.service("echo", Map.of(), 0, java.util.List.of(
                new io.fabric8.kubernetes.api.model.EnvVarBuilder().withName("JAVA_OPTS_APPEND").withValue("-Xmx96m -Xss512k").build(),
                new io.fabric8.kubernetes.api.model.EnvVarBuilder().withName("GC_CONTAINER_OPTIONS").withValue("-XX:+UseSerialGC").build())),
                config);
        ServingConfig platform = repoConfig(Map.of("JAVA_OPTS_APPEND", "-Dbands=1 -Xmx128m"));
        ReplicaLauncher launcher = new ReplicaLauncher(platform, Path.of("/jdk/bin/java"), 25, null);

        assertThat(launcher.command(tuned)).containsExactly("/jdk/bin/java", "-XX:+UseSerialGC", "-Xmx96m", "-Xss512k", "-Dbands=1",
                "-Xmx128m", "-jar", tuned.jar().toString());
    }

    @Test
    void letsThePlatformReplaceTheContainersCollector() {
        Workload tuned = Workload.of(TestRepository.service("echo", Map.of(), 0, java.util.List.of(
                new io.fabric8.kubernetes.api.model.EnvVarBuilder().withName("GC_CONTAINER_OPTIONS").withValue("-XX:+UseSerialGC").build())),
                config);
        ServingConfig platform = repoConfig(Map.of("GC_CONTAINER_OPTIONS", "-XX:+UseG1GC"));
        ReplicaLauncher launcher = new ReplicaLauncher(platform, Path.of("/jdk/bin/java"), 25, null);

        assertThat(launcher.command(tuned)).contains("-XX:+UseG1GC").doesNotContain("-XX:+UseSerialGC");
    }

    @Test
    void expandsVariableReferencesAsKubernetesDoes() {
        Map<String, String> defined = Map.of("HOST", "db", "PORT", "5432");

        assertThat(ReplicaLauncher.expand("jdbc:postgresql://$(HOST):$(PORT)/ztrade", defined)).isEqualTo("jdbc:postgresql://db:5432/ztrade");
        assertThat(ReplicaLauncher.expand("$(UNDEFINED) stays", defined)).isEqualTo("$(UNDEFINED) stays");
        assertThat(ReplicaLauncher.expand("$$(HOST) is escaped, $$ is one $", defined)).isEqualTo("$(HOST) is escaped, $ is one $");
    }
}
