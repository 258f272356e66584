package io.ztrade.orderbook.service.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.ztrade.events.payload.OrderRequest;
import io.ztrade.orderbook.service.core.Execution;
import io.ztrade.orderbook.service.core.Incoming;
import io.ztrade.orderbook.service.core.Instruments;
import io.ztrade.orderbook.service.core.OrderResult;
import io.ztrade.orderbook.service.core.Outcome;
import io.ztrade.orderbook.service.core.PartitionState;
import io.ztrade.orderbook.service.core.SymbolBook;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * One replica of the order book: a Kafka consumer in the replicas' group whose poll loop is the
 * single-threaded sequencer of every partition Kafka assigns it. Both entry points meet there:
 *
 * <ul>
 *   <li>Kafka clients write {@code io.ztrade.order.requested} records to {@code ztrade.orders};</li>
 *   <li>{@link #submit} (the REST API) appends the command to the same topic first, then waits until
 *       the loop has applied it at its offset, so REST and Kafka commands share one order and a
 *       replay after a crash includes both.</li>
 * </ul>
 *
 * <p>Every applied record's events go to {@code ztrade.executions} with ids derived from the record's
 * partition and offset. Every {@link NodeSettings#commitInterval()} the producer is flushed and the
 * consumer offsets are committed: the committed offset says "events published up to here". Every
 * {@link NodeSettings#snapshotInterval()} (or {@link NodeSettings#snapshotEvery()} records) each
 * partition's {@link PartitionState} is stored with its offset; on assignment a partition is loaded
 * from its newest snapshot and the topic replayed from there: silently (no events) up to the committed
 * offset, then publishing. Readiness waits until every assigned partition has caught up with the end
 * offset it had when it was assigned.
 *
 * <p>Plain Java: the Quarkus application only builds it from configuration and calls it.
 */
public final class OrderbookNode implements AutoCloseable {

    /** {@code source} of the command events the REST API appends. */
    public static final URI REST_SOURCE = URI.create("/ztrade/orderbook/api");

    private static final System.Logger LOG = System.getLogger(OrderbookNode.class.getName());

    /** The partition of a symbol is not owned by this replica. */
    public static final class NotOwnerException extends RuntimeException {
        private final int partition;

        public NotOwnerException(String symbol, int partition) {
            super("the book of " + symbol + " (partition " + partition + ") is owned by another replica");
            this.partition = partition;
        }

        /** The partition of {@code ztrade.orders} the book belongs to. */
        public int partition() {
            return partition;
        }
    }

    /** The partition is being recovered; its books cannot be read yet. */
    public static final class RecoveringException extends RuntimeException {
        public RecoveringException(String symbol, int partition) {
            super("the book of " + symbol + " (partition " + partition + ") is still being recovered");
        }
    }

    /** The command could not be appended to the orders topic: nothing happened. */
    public static final class NotRecordedException extends RuntimeException {
        public NotRecordedException(Throwable cause) {
            super("the command could not be recorded: " + cause.getMessage(), cause);
        }
    }

    /** A partition this replica owns, with its state and recovery marks. */
    private static final class Owned {
        final TopicPartition tp;
        final PartitionState state;
        /** Records before this offset had their events published by an earlier owner. */
        final long silentUntil;
        /** End offset at assignment: the partition is recovered once its position reaches it. */
        final long recoverUntil;
        final long recoveredFrom;
        volatile boolean recovering;
        long sinceSnapshot;
        long lastSnapshotNanos = System.nanoTime();
        final Set<String> changed = new HashSet<>();

        Owned(TopicPartition tp, PartitionState state, long silentUntil, long recoverUntil) {
            this.tp = tp;
            this.state = state;
            this.silentUntil = silentUntil;
            this.recoverUntil = recoverUntil;
            this.recoveredFrom = state.nextOffset();
            this.recovering = true;
        }
    }

    private record Pending(CompletableFuture<OrderResult> future, int partition) {
    }

    private final NodeSettings settings;
    private final Instruments instruments;
    private final SnapshotStore store;
    private final OrderbookMetrics metrics;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<Integer, Owned> owned = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Exception> produceFailure = new AtomicReference<>();
    /** Stores snapshots off the sequencer thread, one at a time, in order. */
    private final ExecutorService snapshotWriter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "orderbook-snapshot-writer");
        t.setDaemon(true);
        return t;
    });
    private final Thread thread;
    private volatile int partitions;
    private volatile boolean assignedOnce;
    private volatile boolean stopping;
    private volatile Throwable failure;
    private boolean uncommitted;

    public OrderbookNode(NodeSettings settings, Instruments instruments, SnapshotStore store, MeterRegistry registry) {
        this.settings = settings;
        this.instruments = instruments;
        this.store = store;
        this.metrics = new OrderbookMetrics(registry, instruments, owned::size,
                () -> (int) owned.values().stream().filter(o -> o.recovering).count());
        this.producer = new KafkaProducer<>(producerConfig(settings));
        try {
            this.consumer = new KafkaConsumer<>(consumerConfig(settings));
        } catch (KafkaException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
        this.thread = new Thread(this::run, "orderbook-sequencer-" + settings.clientId());
    }

    // ---------------------------------------------------------------------------------------------
    // Lifecycle and status

    /** Starts the sequencer thread: topics, group membership, recovery, then serving. */
    public OrderbookNode start() {
        thread.start();
        return this;
    }

    /** Whether the sequencer runs (liveness). */
    public boolean alive() {
        return failure == null && (thread.isAlive() || stopping);
    }

    /** Why the sequencer stopped, if it failed. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Whether this replica serves (readiness): it joined the group and every partition it owns has
     * caught up with its snapshot + replay.
     */
    public boolean ready() {
        return alive() && !stopping && assignedOnce && owned.values().stream().noneMatch(o -> o.recovering);
    }

    /** The partitions of the orders topic this replica owns now. */
    public Set<Integer> ownedPartitions() {
        return Set.copyOf(owned.keySet());
    }

    /** The partition whose books hold {@code symbol}: Kafka's default key hash (murmur2). */
    public int partitionOf(String symbol) {
        int count = partitions;
        if (count <= 0) {
            throw new IllegalStateException("the order book has not started yet");
        }
        return Utils.toPositive(Utils.murmur2(symbol.getBytes(StandardCharsets.UTF_8))) % count;
    }

    /** The configured instruments. */
    public Instruments instruments() {
        return instruments;
    }

    /**
     * Stops gracefully: the loop finishes its batch, publishes and commits everything, stores a
     * snapshot of every owned partition, and leaves the group.
     */
    @Override
    public void close() {
        stopping = true;
        consumer.wakeup();
        if (Thread.currentThread() != thread && thread.isAlive()) {
            try {
                thread.join(Duration.ofSeconds(60));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!thread.isAlive() && thread.getState() == Thread.State.NEW) {
            closeClients();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Entry points for the REST API

    /**
     * Appends a command to the orders topic (on the partition of its symbol) and completes with its
     * result once the sequencer has applied it. Fails with {@link NotOwnerException} when another
     * replica owns the symbol (nothing is appended), {@link NotRecordedException} when Kafka refused
     * the record, and {@link TimeoutException} after {@link NodeSettings#requestTimeout()}.
     */
    public CompletableFuture<OrderResult> submit(OrderRequest request) {
        CompletableFuture<OrderResult> future = new CompletableFuture<>();
        int partition = partitionOf(request.symbol());
        if (!owned.containsKey(partition)) {
            future.completeExceptionally(new NotOwnerException(request.symbol(), partition));
            return future;
        }
        String id = UUID.randomUUID().toString();
        pending.put(id, new Pending(future, partition));
        future.whenComplete((r, e) -> pending.remove(id));
        try {
            producer.send(CommandRecords.encode(settings.ordersTopic(), partition, id, REST_SOURCE, request,
                    System.currentTimeMillis()), (metadata, e) -> {
                        if (e != null) {
                            future.completeExceptionally(new NotRecordedException(e));
                        }
                    });
        } catch (KafkaException | IllegalStateException e) {
            future.completeExceptionally(new NotRecordedException(e));
        }
        return future.orTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Runs a read of one symbol's book on the sequencer thread, between two records, so it sees a
     * consistent book. The book is null when the symbol has had no accepted command yet.
     */
    public <T> CompletableFuture<T> read(String symbol, Function<SymbolBook, T> query) {
        int partition = partitionOf(symbol);
        return onSequencer(partition, symbol, o -> query.apply(o.state.book(symbol)));
    }

    /** Runs a read of one whole partition state on the sequencer thread (tests, diagnostics). */
    public <T> CompletableFuture<T> readPartition(int partition, Function<PartitionState, T> query) {
        return onSequencer(partition, "partition " + partition, o -> query.apply(o.state));
    }

    private <T> CompletableFuture<T> onSequencer(int partition, String what, Function<Owned, T> query) {
        CompletableFuture<T> future = new CompletableFuture<>();
        tasks.add(() -> {
            Owned o = owned.get(partition);
            if (o == null) {
                future.completeExceptionally(new NotOwnerException(what, partition));
            } else if (o.recovering) {
                future.completeExceptionally(new RecoveringException(what, partition));
            } else {
                try {
                    future.complete(query.apply(o));
                } catch (RuntimeException e) {
                    future.completeExceptionally(e);
                }
            }
        });
        consumer.wakeup();
        return future.orTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    // ---------------------------------------------------------------------------------------------
    // The sequencer loop

    private void run() {
        try {
            partitions = prepareTopics();
            consumer.subscribe(List.of(settings.ordersTopic()), new Rebalance());
            long lastCommit = System.nanoTime();
            while (!stopping) {
                checkProducer();
                ConsumerRecords<String, byte[]> records;
                try {
                    records = consumer.poll(settings.pollTimeout());
                } catch (WakeupException e) {
                    records = ConsumerRecords.empty();
                }
                if (!records.isEmpty()) {
                    for (ConsumerRecord<String, byte[]> record : records) {
                        process(record);
                    }
                    refreshDepth();
                }
                updateRecovery();
                runTasks();
                if (System.nanoTime() - lastCommit >= settings.commitInterval().toNanos()) {
                    commit();
                    lastCommit = System.nanoTime();
                }
                snapshotDue(false);
            }
            checkProducer();
            commit();
            snapshotDue(true);
            awaitSnapshotsStored();
            owned.clear();
            LOG.log(System.Logger.Level.INFO, "order book {0} stopped; snapshots stored", settings.clientId());
        } catch (Throwable t) {
            failure = t;
            LOG.log(System.Logger.Level.ERROR, "order book " + settings.clientId() + " failed: " + t.getMessage(), t);
        } finally {
            // Nothing more is committed or snapshotted: after a failure the next owner replays.
            owned.clear();
            failAll(failure != null ? failure : new IllegalStateException("the order book is stopping"));
            closeClients();
        }
    }

    private void process(ConsumerRecord<String, byte[]> record) {
        Owned o = owned.get(record.partition());
        if (o == null) {
            return;
        }
        Incoming in = CommandRecords.decode(record);
        Outcome outcome = o.state.apply(in);
        if (outcome == null) {
            return;
        }
        boolean replay = record.offset() < o.silentUntil;
        if (!replay) {
            ExecutionRecords.Trace trace = outcome.executions().isEmpty() ? ExecutionRecords.Trace.NONE
                    : ExecutionRecords.Trace.of(record.headers(), in.invalid() == null);
            for (Execution e : outcome.executions()) {
                producer.send(ExecutionRecords.encode(settings.executionsTopic(), e, record.timestamp(), in.commandId(), trace),
                        (metadata, ex) -> {
                            if (ex != null) {
                                produceFailure.compareAndSet(null, ex);
                            }
                        });
            }
        }
        o.sinceSnapshot++;
        uncommitted = true;
        if (in.request() != null && in.request().symbol() != null && instruments.find(in.request().symbol()) != null) {
            o.changed.add(in.request().symbol());
        }
        metrics.applied(in, outcome, replay, System.currentTimeMillis());
        if (in.commandId() != null) {
            Pending p = pending.get(in.commandId());
            if (p != null) {
                p.future().complete(outcome.result());
            }
        }
    }

    private void refreshDepth() {
        for (Owned o : owned.values()) {
            for (String symbol : o.changed) {
                SymbolBook book = o.state.book(symbol);
                if (book != null) {
                    metrics.depth(book);
                }
            }
            o.changed.clear();
        }
    }

    private void updateRecovery() {
        for (Owned o : owned.values()) {
            if (o.recovering) {
                long position = quietly(() -> consumer.position(o.tp));
                if (position >= o.recoverUntil) {
                    o.recovering = false;
                    LOG.log(System.Logger.Level.INFO, "partition {0} recovered: snapshot at offset {1}, replayed to {2}",
                            o.tp, o.recoveredFrom, position);
                }
            }
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }

    private void checkProducer() {
        Exception e = produceFailure.get();
        if (e != null) {
            throw new IllegalStateException("executions could not be published: " + e.getMessage(), e);
        }
    }

    /** Flushes the producer, then commits every owned partition's offset: all their events are out. */
    private boolean commit() {
        if (!uncommitted || owned.isEmpty()) {
            return true;
        }
        producer.flush();
        checkProducer();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (Owned o : owned.values()) {
            offsets.put(o.tp, new OffsetAndMetadata(Math.max(o.state.nextOffset(), o.silentUntil)));
        }
        try {
            quietly(() -> {
                consumer.commitSync(offsets);
                return null;
            });
            uncommitted = false;
            return true;
        } catch (CommitFailedException | RebalanceInProgressException e) {
            LOG.log(System.Logger.Level.WARNING, "commit deferred ({0}): {1}", e.getClass().getSimpleName(), e.getMessage());
            return false;
        }
    }

    private void snapshotDue(boolean all) {
        List<Owned> due = new ArrayList<>();
        long now = System.nanoTime();
        for (Owned o : owned.values()) {
            if (o.sinceSnapshot > 0 && (all || o.sinceSnapshot >= settings.snapshotEvery()
                    || now - o.lastSnapshotNanos >= settings.snapshotInterval().toNanos())) {
                due.add(o);
            }
        }
        if (due.isEmpty() || !commit()) {
            return;
        }
        for (Owned o : due) {
            snapshot(o);
        }
    }

    /**
     * Copies a partition's state (on the sequencer thread: consistent, and its events are published and
     * its offset committed, see {@link #commit()}) and hands the copy to the writer thread, which
     * encodes it and stores it in PostgreSQL, so that neither holds up the next records. A crash
     * before it is stored only means the previous snapshot is used, with a longer replay.
     */
    private void snapshot(Owned o) {
        PartitionState.Frozen frozen = o.state.freeze();
        o.sinceSnapshot = 0;
        o.lastSnapshotNanos = System.nanoTime();
        snapshotWriter.execute(() -> {
            try {
                byte[] state = PartitionState.toBytes(frozen);
                store.save(new SnapshotStore.Snapshot(settings.ordersTopic(), o.tp.partition(), frozen.nextOffset(), state));
                metrics.snapshot(state.length);
            } catch (RuntimeException e) {
                // The books are intact; the next snapshot tries again, and replay covers the gap meanwhile.
                LOG.log(System.Logger.Level.WARNING, "snapshot of " + o.tp + " at offset " + frozen.nextOffset()
                        + " failed: " + e.getMessage(), e);
            }
        });
    }

    /** Waits until every snapshot handed to the writer is stored (before a partition changes owner). */
    private void awaitSnapshotsStored() {
        try {
            snapshotWriter.submit(() -> { }).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "snapshots not stored in time: {0}", e.getMessage());
        }
    }

    /** Recovers one newly assigned partition: newest snapshot, then replay from its offset. */
    private void recover(TopicPartition tp) {
        Optional<SnapshotStore.Snapshot> snapshot = store.latest(tp.topic(), tp.partition());
        PartitionState state = snapshot
                .map(s -> PartitionState.fromBytes(s.state(), instruments, settings.books(), this::partitionOf))
                .orElseGet(() -> new PartitionState(tp.partition(), instruments, settings.books(), this::partitionOf));
        if (state.partition() != tp.partition()) {
            throw new IllegalStateException("the snapshot of " + tp + " holds partition " + state.partition());
        }
        OffsetAndMetadata committed = quietly(() -> consumer.committed(Set.of(tp))).get(tp);
        long begin = quietly(() -> consumer.beginningOffsets(Set.of(tp))).get(tp);
        long end = quietly(() -> consumer.endOffsets(Set.of(tp))).get(tp);
        long start = snapshot.isPresent() ? state.nextOffset() : begin;
        if (start < begin) {
            throw new IllegalStateException("cannot recover " + tp + ": its snapshot ends at offset " + start
                    + " but the topic starts at " + begin + " (retention removed records never snapshotted)");
        }
        if (snapshot.isEmpty() && begin > 0) {
            LOG.log(System.Logger.Level.WARNING, "{0} has no snapshot and starts at offset {1}: earlier records are gone",
                    tp, begin);
        }
        consumer.seek(tp, start);
        long silentUntil = committed == null ? 0 : committed.offset();
        Owned o = new Owned(tp, state, silentUntil, end);
        o.recovering = start < end;
        owned.put(tp.partition(), o);
        LOG.log(System.Logger.Level.INFO, "partition {0} assigned: snapshot {1}, committed offset {2}, replaying {3} to {4}",
                tp, snapshot.map(s -> "at offset " + s.nextOffset()).orElse("none"), silentUntil, start, end);
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            for (TopicPartition tp : assigned) {
                recover(tp);
            }
            assignedOnce = true;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            List<Owned> leaving = revoked.stream().map(tp -> owned.get(tp.partition())).filter(o -> o != null).toList();
            if (leaving.isEmpty()) {
                return;
            }
            boolean committed = commit();
            for (Owned o : leaving) {
                if (committed && o.sinceSnapshot > 0) {
                    snapshot(o);
                }
            }
            // the next owner starts from these snapshots: they must be stored before it is assigned
            awaitSnapshotsStored();
            leaving.forEach(o -> drop(o, "revoked"));
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            for (TopicPartition tp : lost) {
                Owned o = owned.get(tp.partition());
                if (o != null) {
                    drop(o, "lost");
                }
            }
        }
    }

    private void drop(Owned o, String why) {
        owned.remove(o.tp.partition());
        for (String symbol : o.state.books().keySet()) {
            metrics.forget(symbol);
        }
        RuntimeException moved = new NotOwnerException("partition", o.tp.partition());
        pending.values().removeIf(p -> {
            if (p.partition() == o.tp.partition()) {
                p.future().completeExceptionally(moved);
                return true;
            }
            return false;
        });
        LOG.log(System.Logger.Level.INFO, "partition {0} {1} at offset {2}", o.tp, why, o.state.nextOffset());
    }

    private void failAll(Throwable cause) {
        RuntimeException e = cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        pending.values().forEach(p -> p.future().completeExceptionally(e));
        pending.clear();
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run(); // nothing is owned any more: the read fails with NotOwnerException
        }
    }

    private void closeClients() {
        snapshotWriter.shutdown();
        try {
            consumer.close(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the consumer: {0}", e.getMessage());
        }
        try {
            producer.close(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the producer: {0}", e.getMessage());
        }
    }

    /**
     * Calls the consumer, repeating the call when a {@link KafkaConsumer#wakeup()} meant for the poll
     * (a read waiting to run) interrupts it instead.
     */
    private static <T> T quietly(Supplier<T> call) {
        while (true) {
            try {
                return call.get();
            } catch (WakeupException e) {
                // the read runs after this batch; nothing is lost by repeating the call
            }
        }
    }

    private int prepareTopics() throws InterruptedException, ExecutionException, TimeoutException {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        admin.put(AdminClientConfig.CLIENT_ID_CONFIG, settings.clientId() + "-admin");
        admin.putAll(settings.clientProperties());
        try (Admin client = Admin.create(admin)) {
            Set<String> existing = client.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            if (!existing.contains(settings.ordersTopic())) {
                // Broker time, not the sender's clock: what retention and the events' time go by.
                missing.add(new NewTopic(settings.ordersTopic(), Optional.of(settings.topicPartitions()), Optional.empty())
                        .configs(Map.of("message.timestamp.type", "LogAppendTime")));
            }
            if (!existing.contains(settings.executionsTopic())) {
                missing.add(new NewTopic(settings.executionsTopic(), Optional.of(settings.topicPartitions()),
                        Optional.empty()));
            }
            if (!missing.isEmpty()) {
                if (!settings.createTopics()) {
                    throw new IllegalStateException("topics missing: " + missing.stream().map(NewTopic::name).toList());
                }
                try {
                    client.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                    LOG.log(System.Logger.Level.INFO, "created topics {0}", missing.stream().map(NewTopic::name).toList());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<PartitionInfo> infos = quietly(() -> consumer.partitionsFor(settings.ordersTopic()));
            if (infos != null && !infos.isEmpty()) {
                if (infos.size() > PartitionState.MAX_PARTITIONS) {
                    throw new IllegalStateException(settings.ordersTopic() + " has " + infos.size()
                            + " partitions, at most " + PartitionState.MAX_PARTITIONS + " are supported");
                }
                return infos.size();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no metadata for " + settings.ordersTopic());
            }
            Thread.sleep(100);
        }
    }

    private static Properties producerConfig(NodeSettings s) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, s.clientId() + "-producer");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.putAll(s.clientProperties());
        return p;
    }

    private static Properties consumerConfig(NodeSettings s) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, s.clientId() + "-consumer");
        p.put(ConsumerConfig.GROUP_ID_CONFIG, s.groupId());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Long.toString(s.sessionTimeout().toMillis()));
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Long.toString(Math.max(100, s.sessionTimeout().toMillis() / 4)));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.putAll(s.clientProperties());
        return p;
    }
}
