package io.ztrade.dev.emulator.broker;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads Kafka topics and hands every record to a {@link RecordHandler} on its own (virtual)
 * thread, so that slow deliveries do not hold up the others. Offsets are committed only up to the
 * first record whose handling has not finished ({@link OffsetTracker}): whatever was read but not
 * finished when the process stops, crashes or is killed is read again on the next start.
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final long COMMIT_INTERVAL_MS = 100;

    /** Handles one record; returns normally when its processing is over (delivered, dead-lettered or dropped). */
    @FunctionalInterface
    public interface RecordHandler {
        void handle(ConsumerRecord<String, byte[]> record) throws InterruptedException;
    }

    private final String name;
    private final List<String> topics;
    private final KafkaConsumer<String, byte[]> consumer;
    private final RecordHandler handler;
    private final ExecutorService workers;
    private final int maxInFlight;
    private final boolean sequential;
    private final OffsetTracker offsets = new OffsetTracker();
    /** Per partition, the next offset the consumer has not read yet. Guarded by {@code this}. */
    private final Map<TopicPartition, Long> read = new HashMap<>();
    /** Records handed over by the process that wrote them, before the consumer read them. Guarded by {@code this}. */
    private final Map<TopicPartition, Map<Long, CompletableFuture<Void>>> early = new HashMap<>();
    /** Hand-overs the consumer has not claimed yet, across partitions. Guarded by {@code this}. */
    private int earlyCount;
    private final Thread thread;
    private long lastCommit;
    private volatile boolean running = true;
    private volatile Duration drain = Duration.ZERO;

    /**
     * @param name        for logs and the thread name
     * @param groupId     the consumer group (its committed offsets are where a restart resumes)
     * @param initialOffset {@code earliest} or {@code latest}, for a group without offsets
     * @param sequential  handle one record at a time (ordered delivery) instead of concurrently
     */
    public Dispatcher(String name, String bootstrapServers, List<String> topics, String groupId, String initialOffset,
            RecordHandler handler, ExecutorService workers, int maxInFlight, boolean sequential) {
        this.name = name;
        this.topics = List.copyOf(topics);
        this.handler = handler;
        this.workers = workers;
        this.maxInFlight = Math.max(1, maxInFlight);
        this.sequential = sequential;
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ztrade-emulator-" + name);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, initialOffset);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = KafkaEvents.withOwnClassLoader(() -> new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()));
        this.thread = Thread.ofPlatform().name("ztrade-dispatch-" + name).daemon(true).unstarted(this::run);
    }

    public Dispatcher start() {
        thread.start();
        return this;
    }

    private void run() {
        try {
            // One reader per topic and consumer group: assign every partition directly instead of
            // joining the group, so that a restart after a crash resumes at once from the committed
            // offsets instead of waiting until the group coordinator gives up on the dead consumer.
            consumer.assign(partitions());
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    offsets.started(tp, record.offset());
                    CompletableFuture<Void> handedOver = claim(tp, record.offset());
                    if (handedOver != null) {
                        // Already being handled since it was written: count it done when that ends.
                        handedOver.whenComplete((ok, error) -> {
                            if (error == null) {
                                offsets.finished(tp, record.offset());
                            }
                        });
                    } else if (sequential) {
                        process(tp, record);
                    } else {
                        try {
                            workers.execute(() -> process(tp, record));
                        } catch (RejectedExecutionException e) {
                            return; // stopping: the record stays uncommitted
                        }
                    }
                }
                commit(false);
                if (offsets.inFlight() >= maxInFlight) {
                    consumer.pause(consumer.assignment());
                } else if (!consumer.paused().isEmpty()) {
                    consumer.resume(consumer.paused());
                }
            }
            long deadline = System.nanoTime() + drain.toNanos();
            while (offsets.inFlight() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } catch (WakeupException e) {
            // close() woke the poll
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf(e, "dispatcher %s stopped: %s", name, e.getMessage());
        } finally {
            commit(true);
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private List<TopicPartition> partitions() throws InterruptedException {
        List<TopicPartition> out = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (String topic : topics) {
            List<org.apache.kafka.common.PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            while ((infos == null || infos.isEmpty()) && running && System.nanoTime() < deadline) {
                Thread.sleep(200);
                infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            }
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " has no partitions");
            }
            infos.forEach(i -> out.add(new TopicPartition(i.topic(), i.partition())));
        }
        return out;
    }

    private void process(TopicPartition tp, ConsumerRecord<String, byte[]> record) {
        try {
            handler.handle(record);
            offsets.finished(tp, record.offset());
        } catch (InterruptedException e) {
            // Stopping: not finished, so not committed; the record is read again after a restart.
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: record %s-%d@%d could not be handled, skipping it: %s", name, record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            offsets.finished(tp, record.offset());
        }
    }

    /** Commits the finished prefix: asynchronously at most every {@value #COMMIT_INTERVAL_MS} ms, or now and synchronously. */
    private void commit(boolean sync) {
        Map<TopicPartition, OffsetAndMetadata> ready = offsets.committable();
        if (ready.isEmpty()) {
            return;
        }
        try {
            if (sync) {
                try {
                    consumer.commitSync(ready, Duration.ofSeconds(10));
                } catch (WakeupException e) {
                    consumer.commitSync(ready, Duration.ofSeconds(10));
                }
                offsets.committed(ready);
                return;
            }
            long now = System.nanoTime();
            if (now - lastCommit < COMMIT_INTERVAL_MS * 1_000_000L) {
                return;
            }
            lastCommit = now;
            consumer.commitAsync(ready, (committed, error) -> {
                if (error == null) {
                    offsets.committed(ready);
                } else {
                    LOG.debugf("%s: commit failed (will retry): %s", name, error.getMessage());
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("%s: commit failed (will retry): %s", name, e.getMessage());
        }
    }

    /**
     * Hands over a record this process has just written, so that its handling starts at once
     * instead of after the consumer fetched it. The consumer still reads the record and counts it
     * (its offset is committed only when the handling ended); if the consumer read it first, the
     * record is handled by the consumer and this returns {@code false}. It is {@code false} too
     * when {@code maxInFlight} records are already being handled: then the record waits in Kafka
     * until the consumer reads it, so that a backlog never builds up in memory.
     */
    public boolean handOver(TopicPartition tp, long offset, java.util.concurrent.Callable<?> handling) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (this) {
            if (!running || offset < read.getOrDefault(tp, 0L) || earlyCount + offsets.inFlight() >= maxInFlight) {
                return false;
            }
            early.computeIfAbsent(tp, k -> new HashMap<>()).put(offset, done);
            earlyCount++;
        }
        try {
            workers.execute(() -> {
                try {
                    handling.call();
                    done.complete(null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    done.completeExceptionally(e); // stopping: not finished, not committed
                } catch (Exception e) {
                    LOG.errorf(e, "%s: record %s@%d could not be handled, skipping it: %s", name, tp, offset, e.getMessage());
                    done.complete(null);
                }
            });
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(e);
        }
        return true;
    }

    /** The consumer read {@code offset}: the hand-over under way for it, if any. */
    private synchronized CompletableFuture<Void> claim(TopicPartition tp, long offset) {
        read.merge(tp, offset + 1, Math::max);
        Map<Long, CompletableFuture<Void>> handed = early.get(tp);
        CompletableFuture<Void> done = handed == null ? null : handed.remove(offset);
        if (done != null) {
            earlyCount--;
        }
        return done;
    }

    /** Records read and not finished. */
    public int inFlight() {
        return offsets.inFlight();
    }

    /**
     * Stops reading; deliveries in flight get {@code drain} to finish (their offsets are then
     * committed), the rest is left uncommitted for the next start.
     */
    public void stop(Duration drain) {
        this.drain = drain;
        running = false;
    }

    /** Waits for the dispatcher thread to end. */
    public void await(Duration timeout) throws InterruptedException {
        thread.join(timeout);
    }

    @Override
    public void close() {
        stop(Duration.ZERO);
        consumer.wakeup();
        try {
            await(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
