package io.ztrade.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNode;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Kafka broker in this JVM: one KRaft node that is broker and controller at once, built with
 * Kafka's own {@link KafkaClusterTestKit}. Plaintext, on a free port of {@code localhost}.
 *
 * <p>{@link #start()} keeps its log directory in a temporary directory that {@link #close()}
 * deletes. {@link #start(Path)} keeps it in the given directory, so that topics, offsets and
 * events survive a restart of the local platform.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final String CLUSTER_ID_FILE = "ztrade-cluster.id";
    private static final Duration TOPIC_READY_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaClusterTestKit cluster;
    private final Path dataDirectory;
    private final boolean temporary;
    private final String bootstrapServers;
    private final Thread shutdownHook;
    private Admin admin;
    private boolean closed;

    private EmbeddedKafka(KafkaClusterTestKit cluster, Path dataDirectory, boolean temporary) {
        this.cluster = cluster;
        this.dataDirectory = dataDirectory;
        this.temporary = temporary;
        this.bootstrapServers = cluster.bootstrapServers();
        this.shutdownHook = ShutdownHooks.register("kafka", this::close);
    }

    /** Starts a broker whose data lives in a temporary directory, deleted by {@link #close()}. */
    public static EmbeddedKafka start() {
        Path dir = Directories.createTemp("kafka");
        try {
            return start(dir, true);
        } catch (RuntimeException e) {
            Directories.deleteRecursively(dir);
            throw e;
        }
    }

    /**
     * Starts a broker whose data lives in {@code dataDirectory} (created if missing) and stays
     * there after {@link #close()}: started again on the same directory, the broker has the same
     * cluster id, topics, committed offsets and records. One broker at a time per directory.
     */
    public static EmbeddedKafka start(Path dataDirectory) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        return start(dataDirectory.toAbsolutePath(), false);
    }

    private static EmbeddedKafka start(Path dir, boolean temporary) {
        QuietLogging.quiet(QuietLogging.KAFKA_BROKER);
        // Kafka loads configured classes through the context class loader, and the broker threads
        // inherit it: make it the loader of the broker itself, not (say) a Quarkus application's.
        Thread current = Thread.currentThread();
        ClassLoader callers = current.getContextClassLoader();
        current.setContextClassLoader(EmbeddedKafka.class.getClassLoader());
        try {
            return startWithContextLoader(dir, temporary);
        } finally {
            current.setContextClassLoader(callers);
        }
    }

    private static EmbeddedKafka startWithContextLoader(Path dir, boolean temporary) {
        try {
            Files.createDirectories(dir);
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .setClusterId(clusterId(dir))
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(dir)
                    .build();
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                    // The test kit deletes its directory on close; this class decides that instead.
                    .setDeleteOnClose(false)
                    // A single node: every internal topic has one replica.
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "5")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("transaction.state.log.num.partitions", "5")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    .setConfigProp("default.replication.factor", "1")
                    .setConfigProp("min.insync.replicas", "1")
                    .setConfigProp("num.partitions", "1")
                    .setConfigProp("auto.create.topics.enable", "true")
                    // Consumers join a group at once instead of waiting 3 s for more members.
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            try {
                if (!isFormatted(nodes)) {
                    cluster.format();
                }
                cluster.startup();
                cluster.waitForReadyBrokers();
            } catch (Exception e) {
                closeQuietly(cluster);
                throw e;
            }
            return new EmbeddedKafka(cluster, dir, temporary);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Kafka in " + dir, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start Kafka in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The cluster id is chosen once per data directory and kept beside the logs. */
    private static String clusterId(Path dir) throws IOException {
        Path file = dir.resolve(CLUSTER_ID_FILE);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id, StandardCharsets.US_ASCII);
        return id;
    }

    private static boolean isFormatted(TestKitNodes nodes) {
        for (TestKitNode node : nodes.controllerNodes().values()) {
            if (!Files.exists(Path.of(node.metadataDirectory(), "meta.properties"))) {
                return false;
            }
        }
        return true;
    }

    /** {@code localhost:PORT}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Where the broker keeps its metadata and logs. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Creates {@code name} with {@code partitions} partitions (one replica) and waits until every
     * partition has a leader. A topic that exists already is left as it is.
     */
    public synchronized void createTopic(String name, int partitions) {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        Admin client = admin();
        try {
            client.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("topic " + name + " was not created within 30 s", e);
        }
        awaitLeaders(client, name);
    }

    private static void awaitLeaders(Admin client, String name) {
        long deadline = System.nanoTime() + TOPIC_READY_TIMEOUT.toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> described = client.describeTopics(List.of(name)).allTopicNames().get(10, TimeUnit.SECONDS);
                TopicDescription topic = described.get(name);
                if (topic != null && topic.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new IllegalStateException("cannot describe topic " + name + ": " + e.getCause().getMessage(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for topic " + name, e);
            } catch (TimeoutException e) {
                // Try again until the deadline.
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topic " + name + " has partitions without a leader after " + TOPIC_READY_TIMEOUT);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for topic " + name, e);
            }
        }
    }

    private Admin admin() {
        if (closed) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " is closed");
        }
        if (admin == null) {
            Thread current = Thread.currentThread();
            ClassLoader callers = current.getContextClassLoader();
            current.setContextClassLoader(EmbeddedKafka.class.getClassLoader());
            try {
                admin = Admin.create(Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        AdminClientConfig.CLIENT_ID_CONFIG, "ztrade-embedded-kafka-admin"));
            } finally {
                current.setContextClassLoader(callers);
            }
        }
        return admin;
    }

    /** Stops the broker; a temporary data directory is deleted, a given one kept. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
        closeQuietly(cluster);
        if (temporary) {
            Directories.deleteRecursively(dataDirectory);
        }
        ShutdownHooks.unregister(shutdownHook);
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        try {
            cluster.close();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // The broker threads are gone or going; nothing more can be done here.
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafka[" + bootstrapServers + ", " + dataDirectory + "]";
    }
}
