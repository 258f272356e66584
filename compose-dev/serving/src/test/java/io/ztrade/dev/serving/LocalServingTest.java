package io.ztrade.dev.serving;

import static io.ztrade.dev.serving.TestRepository.deployment;
import static io.ztrade.dev.serving.TestRepository.get;
import static io.ztrade.dev.serving.TestRepository.pid;
import static io.ztrade.dev.serving.TestRepository.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalServingTest {

    private static final Duration ACQUIRE = Duration.ofSeconds(60);
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private TestRepository repo;
    private LocalServing serving;
    private final List<Lease> leases = new ArrayList<>();

    @BeforeEach
    void packageTheEchoFunction() throws IOException {
        repo = new TestRepository(dir).withFunction("functions/echo");
    }

    @AfterEach
    void close() {
        leases.forEach(Lease::close);
        if (serving != null) {
            serving.close();
        }
    }

    private LocalServing start(Map<String, String> env, List<Service> services, List<Deployment> deployments) {
        serving = LocalServing.start(repo.config(env, Duration.ofSeconds(30)), services, deployments);
        return serving;
    }

    private LocalServing start(Service... services) {
        return start(Map.of(), List.of(services), List.of());
    }

    private Lease hold(String service) throws InterruptedException {
        Lease lease = serving.acquire(service, ACQUIRE);
        leases.add(lease);
        return lease;
    }

    private ServiceStatus status(String name) {
        return serving.status().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private ServiceStatus eventually(String name, String what, Predicate<ServiceStatus> condition) throws InterruptedException {
        long deadline = System.nanoTime() + EVENTUALLY.toNanos();
        ServiceStatus s = status(name);
        while (!condition.test(s)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " never " + what + "; last status: " + s);
            }
            Thread.sleep(50);
            s = status(name);
        }
        return s;
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void scalesFromZeroOnTheFirstRequestAndRecordsTheColdStart() throws Exception {
        start(service("echo", Map.of(), 0));
        assertThat(status("echo").readyReplicas()).isZero();
        assertThat(status("echo").coldStartsMillis()).isEmpty();
        assertThat(serving.urlOf("echo")).isEmpty();

        Lease lease = hold("echo");

        assertThat(get(lease.url(), "/q/health/ready")).contains("UP");
        assertThat(get(lease.url(), "/env/PORT")).isEqualTo(Integer.toString(lease.url().getPort()));
        ServiceStatus s = status("echo");
        assertThat(s.readyReplicas()).isEqualTo(1);
        assertThat(s.inFlight()).isEqualTo(1);
        assertThat(s.urls()).containsExactly(lease.url());
        assertThat(s.coldStartsMillis()).hasSize(1);
        assertThat(s.lastColdStartMillis()).isEqualTo(s.coldStartsMillis().get(0)).isPositive();
        assertThat(s.lastRequestAt()).isNotNull();
        assertThat(s.replicaRssBytes()).as("one replica, its resident set read from /proc (a JVM: over 8 MiB)")
                .singleElement().satisfies(rss -> assertThat(rss).isGreaterThan(8L << 20));
        assertThat(serving.urlOf("echo")).contains(lease.url());

        lease.close();
        assertThat(status("echo").inFlight()).isZero();
    }

    @Test
    void givesEachReplicaItsPortTheBrokerAsSinkTheManifestEnvAndTheConfiguredEnvOverIt() throws Exception {
        List<EnvVar> env = List.of(
                new EnvVarBuilder().withName("GREETING").withValue("hello").build(),
                new EnvVarBuilder().withName("COMBINED").withValue("$(GREETING)-world, $$(GREETING)").build(),
                new EnvVarBuilder().withName("NAMESPACE").withNewValueFrom().withNewFieldRef().withFieldPath("metadata.namespace")
                        .endFieldRef().endValueFrom().build(),
                new EnvVarBuilder().withName("ZTRADE_DB_URL").withNewValueFrom().withNewSecretKeyRef("url", "ztrade-db", false)
                        .endValueFrom().build(),
                new EnvVarBuilder().withName("ZTRADE_DB_PASSWORD").withNewValueFrom().withNewSecretKeyRef("password", "ztrade-db", false)
                        .endValueFrom().build(),
                new EnvVarBuilder().withName("LOG_LEVEL").withValue("INFO").build());
        start(Map.of("ZTRADE_DB_URL", "jdbc:postgresql://localhost:5555/ztrade", "LOG_LEVEL", "DEBUG", "PORT", "1"),
                List.of(service("echo", Map.of(), 0, env)), List.of());

        URI url = hold("echo").url();

        assertThat(get(url, "/env/PORT")).isEqualTo(Integer.toString(url.getPort()));
        assertThat(get(url, "/env/K_SINK")).isEqualTo("http://localhost:9/ztrade/default");
        assertThat(get(url, "/env/K_SERVICE")).isEqualTo("echo");
        assertThat(get(url, "/env/GREETING")).isEqualTo("hello");
        assertThat(get(url, "/env/COMBINED")).isEqualTo("hello-world, $(GREETING)");
        assertThat(get(url, "/env/NAMESPACE")).isEqualTo("ztrade");
        assertThat(get(url, "/env/ZTRADE_DB_URL")).isEqualTo("jdbc:postgresql://localhost:5555/ztrade");
        assertThat(get(url, "/env/LOG_LEVEL")).isEqualTo("DEBUG");
        assertThat(get(url, "/env/ZTRADE_DB_PASSWORD")).as("a Secret nobody provided locally").isNull();
    }

    @Test
    void startsASecondReplicaWhenEveryReplicaIsAtContainerConcurrencyAndMaxScaleAllows() throws Exception {
        start(service("echo", Map.of(Autoscaling.MAX_SCALE, "2"), 1));

        Lease first = hold("echo");
        Lease second = hold("echo");

        assertThat(second.url()).isNotEqualTo(first.url());
        assertThat(pid(second.url())).isNotEqualTo(pid(first.url()));
        ServiceStatus s = status("echo");
        assertThat(s.readyReplicas()).isEqualTo(2);
        assertThat(s.inFlight()).isEqualTo(2);
        assertThat(s.coldStartsMillis()).hasSize(2);
    }

    @Test
    void queuesARequestWhenEveryReplicaIsAtContainerConcurrencyAndMaxScaleIsReached() throws Exception {
        start(service("echo", Map.of(Autoscaling.MAX_SCALE, "1"), 1));
        Lease first = hold("echo");

        CompletableFuture<Lease> second = CompletableFuture.supplyAsync(() -> {
            try {
                return serving.acquire("echo", ACQUIRE);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        ServiceStatus queued = eventually("echo", "queued the second request", s -> s.waiting() == 1);
        assertThat(second).isNotDone();
        assertThat(queued.readyReplicas() + queued.startingReplicas()).isEqualTo(1);

        first.close();
        Lease lease = second.get(60, TimeUnit.SECONDS);
        leases.add(lease);

        assertThat(lease.url()).isEqualTo(first.url());
        assertThat(status("echo").waiting()).isZero();
        assertThat(status("echo").readyReplicas()).isEqualTo(1);
    }

    @Test
    void timesOutARequestWhenNoSlotFreesUp() throws Exception {
        start(service("echo", Map.of(Autoscaling.MAX_SCALE, "1"), 1));
        hold("echo");

        assertThatThrownBy(() -> serving.acquire("echo", Duration.ofMillis(300)))
                .isInstanceOfSatisfying(ServingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ServingException.Reason.TIMEOUT);
                    assertThat(e.getMessage()).contains("echo", "containerConcurrency 1", "max-scale 1");
                });
        assertThat(status("echo").waiting()).isZero();
    }

    @Test
    void scalesOutWhenInFlightPerReplicaExceedsTheTargetButNeverBeyondMaxScale() throws Exception {
        start(service("echo", Map.of(Autoscaling.TARGET, "1", Autoscaling.MAX_SCALE, "3"), 0));

        for (int i = 0; i < 5; i++) {
            hold("echo");
        }

        ServiceStatus s = eventually("echo", "scaled out to 3", st -> st.readyReplicas() == 3);
        assertThat(s.inFlight()).isEqualTo(5);
        assertThat(s.startingReplicas()).isZero();
        Set<URI> urls = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            urls.add(hold("echo").url());
        }
        assertThat(urls).as("requests spread over the replicas started for them").hasSizeGreaterThan(1);
        assertThat(status("echo").readyReplicas() + status("echo").startingReplicas()).as("max-scale").isEqualTo(3);
        assertThat(status("echo").inFlight()).isEqualTo(8);
    }

    @Test
    void scalesToZeroOnceIdleForTheRetentionPeriod() throws Exception {
        start(service("echo", Map.of(Autoscaling.RETENTION, "1s"), 0));
        Lease lease = hold("echo");
        long pid = pid(lease.url());

        lease.close();

        ServiceStatus s = eventually("echo", "scaled to zero", st -> st.readyReplicas() == 0 && st.startingReplicas() == 0);
        assertThat(s.urls()).isEmpty();
        assertThat(ProcessHandle.of(pid).map(p -> p.onExit().orTimeout(20, TimeUnit.SECONDS).join().isAlive()).orElse(false)).isFalse();

        Lease again = hold("echo");
        assertThat(pid(again.url())).isNotEqualTo(pid);
        assertThat(status("echo").coldStartsMillis()).hasSize(2);
    }

    @Test
    void keepsMinScaleReplicasWarmWhileIdleAndScalesTheRestDown() throws Exception {
        start(service("echo", Map.of(Autoscaling.MIN_SCALE, "1", Autoscaling.TARGET, "1", Autoscaling.MAX_SCALE, "2",
                Autoscaling.RETENTION, "300ms"), 0));
        assertThat(status("echo").readyReplicas()).as("min-scale replicas are ready when start returns").isEqualTo(1);

        Lease a = hold("echo");
        Lease b = hold("echo");
        eventually("echo", "scaled out to 2", st -> st.readyReplicas() == 2);
        a.close();
        b.close();

        eventually("echo", "scaled down to min-scale", st -> st.readyReplicas() == 1 && st.startingReplicas() == 0);
        Thread.sleep(1_500); // five times the retention, many scaler passes
        assertThat(status("echo").readyReplicas()).isEqualTo(1);
        assertThat(status("echo").coldStartsMillis()).hasSize(2);
    }

    @Test
    void replacesAKilledReplicaThatMinScaleNeeds() throws Exception {
        start(service("echo", Map.of(Autoscaling.MIN_SCALE, "1"), 0));
        URI url = serving.urlOf("echo").orElseThrow();
        long pid = pid(url);

        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        ServiceStatus s = eventually("echo", "replaced the killed replica",
                st -> st.readyReplicas() == 1 && !st.urls().contains(url));
        assertThat(s.message()).isNull();
        assertThat(pid(s.urls().get(0))).isNotEqualTo(pid);
        assertThat(status("echo").coldStartsMillis()).hasSize(2);
    }

    @Test
    void removesAKilledReplicaThatNothingNeedsAndSaysWhy() throws Exception {
        start(service("echo", Map.of(), 0));
        Lease lease = hold("echo");
        long pid = pid(lease.url());
        lease.close();

        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        ServiceStatus s = eventually("echo", "removed the killed replica", st -> st.readyReplicas() == 0);
        assertThat(s.startingReplicas()).isZero();
        assertThat(s.message()).contains("echo-1", "exited");
    }

    @Test
    void failsTheWaitingRequestWhenItsReplicaCannotStart() throws Exception {
        start(service("echo", Map.of(), 0, List.of(new EnvVarBuilder().withName("ECHO_FAIL_AT_START").withValue("true").build())));

        assertThatThrownBy(() -> serving.acquire("echo", ACQUIRE))
                .isInstanceOfSatisfying(ServingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ServingException.Reason.START_FAILED);
                    assertThat(e.getMessage()).contains("exited with code 3", "echo.log");
                });
        assertThat(Files.readString(dir.resolve("logs/echo.log"))).contains("failing at start as asked");
        assertThat(status("echo").message()).contains("exited with code 3");
    }

    @Test
    void waitsForReadinessBeforeHandingOutAReplica() throws Exception {
        start(service("echo", Map.of(), 0, List.of(new EnvVarBuilder().withName("ECHO_READY_DELAY_MS").withValue("700").build())));

        Lease lease = hold("echo");

        assertThat(get(lease.url(), "/q/health/ready")).as("ready when handed out (503 before)").contains("UP");
    }

    @Test
    void rejectsAServiceTheManifestsDoNotName() throws Exception {
        start(service("echo", Map.of(), 0));

        assertThatThrownBy(() -> serving.acquire("nope", ACQUIRE))
                .isInstanceOfSatisfying(ServingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ServingException.Reason.UNKNOWN_SERVICE);
                    assertThat(e.getMessage()).contains("nope", "echo");
                });
    }

    @Test
    void runsDeploymentsAlwaysOnAndSkipsOnesWhoseArtifactIsNotBuilt() throws Exception {
        start(Map.of(), List.of(), List.of(deployment("orderbook", "functions/echo", 1), deployment("ghost", "orderbook/ghost", 1)));

        ServiceStatus orderbook = status("orderbook");
        assertThat(orderbook.kind()).isEqualTo(ServiceStatus.DEPLOYMENT);
        assertThat(orderbook.readyReplicas()).isEqualTo(1);
        URI url = serving.urlOf("orderbook").orElseThrow();
        assertThat(get(url, "/q/health/ready")).contains("UP");
        assertThat(get(url, "/env/K_SINK")).as("K_SINK is for Knative Services").isNull();
        try (Lease lease = serving.acquire("orderbook", ACQUIRE)) {
            assertThat(lease.url()).isEqualTo(url);
        }

        ServiceStatus ghost = status("ghost");
        assertThat(ghost.readyReplicas() + ghost.startingReplicas()).isZero();
        assertThat(ghost.message()).contains("orderbook/ghost/target/quarkus-app/quarkus-run.jar is not built");
        assertThatThrownBy(() -> serving.acquire("ghost", ACQUIRE))
                .isInstanceOfSatisfying(ServingException.class, e -> assertThat(e.reason()).isEqualTo(ServingException.Reason.NOT_RUNNING));
    }

    @Test
    void restartsAKilledDeploymentReplicaOnTheSamePort() throws Exception {
        start(Map.of(), List.of(), List.of(deployment("orderbook", "functions/echo", 1)));
        URI url = serving.urlOf("orderbook").orElseThrow();
        long pid = pid(url);

        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        eventually("orderbook", "restarted", st -> st.readyReplicas() == 1 && st.coldStartsMillis().size() == 2);
        assertThat(serving.urlOf("orderbook")).contains(url);
        assertThat(pid(url)).isNotEqualTo(pid);
    }

    @Test
    void closeStopsEveryProcessItStartedAndRefusesFurtherRequests() throws Exception {
        start(Map.of(), List.of(service("warm", Map.of(Autoscaling.MIN_SCALE, "1"), 0), service("cold", Map.of(), 1)),
                List.of(deployment("orderbook", "functions/echo", 1)));
        List<Long> pids = new ArrayList<>();
        pids.add(pid(serving.urlOf("warm").orElseThrow()));
        pids.add(pid(serving.urlOf("orderbook").orElseThrow()));
        pids.add(pid(hold("cold").url()));
        pids.add(pid(hold("cold").url()));
        assertThat(new HashSet<>(pids)).hasSize(4);
        assertThat(pids).allMatch(LocalServingTest::alive);

        serving.close();

        assertThat(pids).noneMatch(LocalServingTest::alive);
        assertThat(dir.resolve("logs/.pids")).isEmptyDirectory();
        assertThatThrownBy(() -> serving.acquire("cold", ACQUIRE))
                .isInstanceOfSatisfying(ServingException.class, e -> assertThat(e.reason()).isEqualTo(ServingException.Reason.CLOSED));
    }

    @Test
    void stopsProcessesLeftBehindByARunThatWasKilledButNeverAnotherProcessWithAReusedPid() throws Exception {
        Process orphan = new ProcessBuilder("sleep", "300").start();
        Process stranger = new ProcessBuilder("sleep", "300").start();
        try {
            long orphanStart = orphan.info().startInstant().orElseThrow().toEpochMilli();
            Path pids = Files.createDirectories(dir.resolve("logs/.pids"));
            Files.writeString(pids.resolve("999999999"), "999999999 0 owner\n"
                    + orphan.pid() + " " + orphanStart + " echo-1\n"
                    + stranger.pid() + " " + (orphanStart - 3_600_000) + " echo-2\n");

            start(service("echo", Map.of(), 0));

            assertThat(orphan.waitFor(20, TimeUnit.SECONDS)).as("the orphan was stopped").isTrue();
            assertThat(stranger.isAlive()).as("a process whose start time does not match is left alone").isTrue();
            assertThat(pids.resolve("999999999")).doesNotExist();
        } finally {
            orphan.destroyForcibly();
            stranger.destroyForcibly();
        }
    }
}
