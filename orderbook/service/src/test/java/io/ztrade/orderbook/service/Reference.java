package io.ztrade.orderbook.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.ztrade.orderbook.service.core.BookSettings;
import io.ztrade.orderbook.service.core.Execution;
import io.ztrade.orderbook.service.core.Incoming;
import io.ztrade.orderbook.service.core.Instruments;
import io.ztrade.orderbook.service.core.Outcome;
import io.ztrade.orderbook.service.core.PartitionState;
import io.ztrade.orderbook.service.kafka.CommandRecords;
import io.ztrade.orderbook.service.kafka.ExecutionRecords;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;

/**
 * An uninterrupted run of the sequencer over a topic's records, in this JVM: the books and the
 * execution stream a service must end up with, however often it was stopped, killed or rebalanced.
 */
public final class Reference {

    private final Map<Integer, PartitionState> states = new HashMap<>();
    private final Map<String, String> events = new TreeMap<>();

    private Reference() {}

    /** Applies every record of the orders topic, partition by partition, in offset order. */
    public static Reference of(List<ConsumerRecord<String, byte[]>> records, Instruments instruments, int partitions) {
        Reference ref = new Reference();
        for (ConsumerRecord<String, byte[]> record : records) {
            PartitionState state = ref.states.computeIfAbsent(record.partition(), p -> new PartitionState(p, instruments,
                    BookSettings.defaults(), s -> partitionOf(s, partitions)));
            if (record.offset() != state.nextOffset()) {
                throw new IllegalArgumentException("records of partition " + record.partition() + " are not contiguous: "
                        + record.offset() + " after " + (state.nextOffset() - 1));
            }
            Incoming in = CommandRecords.decode(record);
            Outcome outcome = state.apply(in);
            for (Execution e : outcome.executions()) {
                ref.events.put(e.id(), canonical(ExecutionRecords.event(e, record.timestamp(), in.commandId(),
                        ExecutionRecords.Trace.of(record.headers(), in.invalid() == null))));
            }
        }
        return ref;
    }

    public static int partitionOf(String symbol, int partitions) {
        return Utils.toPositive(Utils.murmur2(symbol.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The state of one partition after all records (an empty one when it had none). */
    public byte[] state(int partition, Instruments instruments, int partitions) {
        return states.computeIfAbsent(partition, p -> new PartitionState(p, instruments, BookSettings.defaults(),
                s -> partitionOf(s, partitions))).toBytes();
    }

    /** Depth of one book after all records (empty when the symbol never had an accepted command). */
    public io.ztrade.orderbook.engine.L2Depth book(int partition, String symbol, int levels) {
        PartitionState state = states.get(partition);
        io.ztrade.orderbook.service.core.SymbolBook book = state == null ? null : state.book(symbol);
        return book == null ? new io.ztrade.orderbook.engine.L2Depth(List.of(), List.of()) : book.depth(levels);
    }

    /** id -> everything else of the event, for every event the run published. */
    public Map<String, String> events() {
        return events;
    }

    /**
     * The events of a topic by id. An id seen more than once (a replay after a crash may publish an
     * event again) must carry identical content every time.
     */
    public static Map<String, String> deduplicated(List<CloudEvent> published) {
        Map<String, String> byId = new TreeMap<>();
        for (CloudEvent e : published) {
            String content = canonical(e);
            String earlier = byId.putIfAbsent(e.getId(), content);
            if (earlier != null) {
                assertThat(content).as("event %s published twice with different content", e.getId()).isEqualTo(earlier);
            }
        }
        return byId;
    }

    /** Number of ids that occur more than once. */
    public static long duplicates(List<CloudEvent> published) {
        return published.size() - published.stream().map(CloudEvent::getId).distinct().count();
    }

    static String canonical(CloudEvent e) {
        return e.getType() + "|" + e.getSource() + "|" + e.getSubject() + "|" + e.getTime().toInstant() + "|"
                + e.getExtension(ExecutionRecords.COMMAND_ID) + "|" + e.getDataContentType() + "|"
                + new String(e.getData().toBytes(), StandardCharsets.UTF_8);
    }
}
