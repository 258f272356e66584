package io.ztrade.dev.emulator.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.ztrade.dev.emulator.broker.BrokerKey;
import io.ztrade.dev.emulator.filter.Attributes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What happened to every event, in memory and bounded: each event the brokers took in, the
 * Triggers it matched, every delivery attempt with its status code and latency, the reply it
 * produced, and the dead letters. The status page and {@code /api/events} read it. Thread-safe.
 */
public final class EventLog {

    /** Data larger than this is not kept in the log. */
    static final int MAX_DATA_BYTES = 16 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int capacity;
    private final int deadLetterCapacity;
    private final LinkedHashMap<Long, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Long> byRecord = new HashMap<>();
    private final Map<String, Long> byId = new HashMap<>();
    private final Deque<Views.DeadLetter> deadLetters = new ArrayDeque<>();
    private long lastSeq;
    private long revision;

    public EventLog(int capacity) {
        this.capacity = capacity;
        this.deadLetterCapacity = Math.max(100, capacity / 4);
    }

    /** How an event reached the broker. */
    public enum Via {
        /** {@code POST /<namespace>/<broker>} */
        INGRESS,
        /** a subscriber's reply */
        REPLY,
        /** a PingSource */
        PING,
        /** a KafkaSource */
        KAFKA_SOURCE,
        /** a Trigger whose subscriber is a Broker */
        FORWARD,
        /** a dead letter, when the dead-letter sink is a Broker */
        DEAD_LETTER,
        /** read from the broker's topic without having been accepted by this run (a restart) */
        REDELIVERY
    }

    /** One event on one broker. Mutated only through {@link EventLog}. */
    public static final class Entry {
        final long seq;
        final BrokerKey broker;
        final Instant receivedAt;
        Via via;
        final Map<String, String> attributes;
        final Object data;
        final String dataBase64;
        Views.Cause cause;
        String status = "accepted";
        final List<String> matched = new ArrayList<>();
        final List<DeliveryRecord> deliveries = new ArrayList<>();
        final List<Views.EventRef> replies = new ArrayList<>();
        long revision;
        int partition = -1;
        long offset = -1;

        Entry(long seq, BrokerKey broker, Via via, CloudEvent event, Views.Cause cause) {
            this.seq = seq;
            this.broker = broker;
            this.receivedAt = Instant.now();
            this.via = via;
            this.attributes = Attributes.all(event);
            this.cause = cause;
            byte[] bytes = event.getData() == null ? null : event.getData().toBytes();
            if (bytes == null || bytes.length > MAX_DATA_BYTES) {
                this.data = null;
                this.dataBase64 = null;
            } else if (isJson(event.getDataContentType())) {
                Object parsed;
                try {
                    parsed = JSON.readTree(bytes);
                } catch (Exception e) {
                    parsed = new String(bytes, StandardCharsets.UTF_8);
                }
                this.data = parsed;
                this.dataBase64 = null;
            } else if (isText(event.getDataContentType())) {
                this.data = new String(bytes, StandardCharsets.UTF_8);
                this.dataBase64 = null;
            } else {
                this.data = null;
                this.dataBase64 = Base64.getEncoder().encodeToString(bytes);
            }
        }

        public long seq() {
            return seq;
        }

        Views.EventRef ref() {
            return new Views.EventRef(seq, attributes.get("id"), attributes.get("source"), attributes.get("type"));
        }
    }

    /** One Trigger's delivery of one event. */
    public static final class DeliveryRecord {
        final String trigger;
        final String subscriber;
        String status = "pending";
        String url;
        final List<Views.Attempt> attempts = new ArrayList<>();
        Views.EventRef reply;
        String note;
        Views.DeadLetterTarget deadLetter;

        DeliveryRecord(String trigger, String subscriber) {
            this.trigger = trigger;
            this.subscriber = subscriber;
        }
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return true;
        }
        String ct = contentType.toLowerCase(java.util.Locale.ROOT);
        return ct.startsWith("application/json") || ct.contains("+json") || ct.startsWith("text/json");
    }

    static boolean isText(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/");
    }

    private static String recordKey(BrokerKey broker, int partition, long offset) {
        return broker + "|" + partition + "|" + offset;
    }

    private static String idKey(String source, String id) {
        return source + "\u0000" + id;
    }

    /** An event was durably written to {@code broker}'s topic at {@code partition}/{@code offset}. */
    public synchronized Entry accepted(BrokerKey broker, CloudEvent event, Via via, Views.Cause cause, int partition, long offset) {
        Long known = byRecord.get(recordKey(broker, partition, offset));
        if (known != null && entries.containsKey(known)) {
            // The dispatcher read the record before the write was acknowledged here.
            Entry e = entries.get(known);
            e.via = via;
            e.cause = cause;
            e.revision = ++revision;
            link(e, cause);
            return e;
        }
        Entry e = new Entry(++lastSeq, broker, via, event, cause);
        e.partition = partition;
        e.offset = offset;
        e.revision = ++revision;
        entries.put(e.seq, e);
        byRecord.put(recordKey(broker, partition, offset), e.seq);
        byId.put(idKey(e.attributes.get("source"), e.attributes.get("id")), e.seq);
        byId.put(e.attributes.get("id"), e.seq);
        link(e, cause);
        evict();
        return e;
    }

    private void link(Entry e, Views.Cause cause) {
        if (cause != null) {
            Entry parent = entries.get(cause.seq());
            if (parent != null && parent.replies.stream().noneMatch(r -> r.seq() == e.seq)) {
                parent.replies.add(e.ref());
                parent.revision = ++revision;
            }
        }
    }

    /**
     * The dispatcher read the record at {@code partition}/{@code offset}: the entry the ingress
     * made for it, or a new one (an event accepted before a restart).
     */
    public synchronized Entry dispatching(BrokerKey broker, CloudEvent event, int partition, long offset) {
        Long seq = byRecord.get(recordKey(broker, partition, offset));
        Entry e = seq == null ? null : entries.get(seq);
        if (e == null) {
            e = new Entry(++lastSeq, broker, Via.REDELIVERY, event, null);
            e.partition = partition;
            e.offset = offset;
            entries.put(e.seq, e);
            byRecord.put(recordKey(broker, partition, offset), e.seq);
            byId.put(idKey(e.attributes.get("source"), e.attributes.get("id")), e.seq);
            byId.put(e.attributes.get("id"), e.seq);
            evict();
        }
        e.status = "dispatching";
        e.revision = ++revision;
        return e;
    }

    /** The Triggers whose filters passed; no Trigger means the event is done. */
    public synchronized void matched(Entry e, List<String> triggers) {
        e.matched.clear();
        e.matched.addAll(triggers);
        if (triggers.isEmpty()) {
            e.status = "no-match";
        }
        e.revision = ++revision;
    }

    /** A delivery of {@code e} to {@code trigger}'s subscriber starts. */
    public synchronized DeliveryRecord delivery(Entry e, String trigger, String subscriber) {
        DeliveryRecord d = new DeliveryRecord(trigger, subscriber);
        e.deliveries.add(d);
        e.revision = ++revision;
        return d;
    }

    public synchronized void attempt(Entry e, DeliveryRecord d, String url, Views.Attempt attempt) {
        d.url = url;
        d.attempts.add(attempt);
        e.revision = ++revision;
    }

    /** The delivery ended: {@code delivered}, {@code dead-lettered} or {@code dropped}. */
    public synchronized void finished(Entry e, DeliveryRecord d, String status, String note) {
        d.status = status;
        if (note != null) {
            d.note = note;
        }
        e.revision = ++revision;
        if (e.deliveries.stream().noneMatch(x -> x.status.equals("pending")) && e.deliveries.size() >= e.matched.size()) {
            boolean allDelivered = e.deliveries.stream().allMatch(x -> x.status.equals("delivered"));
            e.status = allDelivered ? "delivered" : "failed";
        }
    }

    /** The delivery's reply entered the broker as {@code reply}. */
    public synchronized void replied(Entry e, DeliveryRecord d, Entry reply) {
        d.reply = reply.ref();
        e.revision = ++revision;
    }

    /** The event went to a dead-letter sink. */
    public synchronized void deadLettered(Entry e, DeliveryRecord d, CloudEvent deadLetter, String sink, boolean sent,
            String error) {
        d.deadLetter = new Views.DeadLetterTarget(sink, sent, error);
        e.revision = ++revision;
        Map<String, String> attributes = Attributes.all(deadLetter);
        Map<String, String> ext = new LinkedHashMap<>();
        for (String name : List.of("knativeerrordest", "knativeerrorcode", "knativeerrordata")) {
            if (attributes.containsKey(name)) {
                ext.put(name, attributes.get(name));
            }
        }
        String decoded = null;
        if (ext.containsKey("knativeerrordata")) {
            try {
                decoded = new String(Base64.getDecoder().decode(ext.get("knativeerrordata")), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException ex) {
                decoded = null;
            }
        }
        deadLetters.addFirst(new Views.DeadLetter(++revision, Instant.now(), e.seq, e.broker.toString(), d.trigger, sink, sent, error,
                attributes, ext, decoded, d.attempts.size()));
        while (deadLetters.size() > deadLetterCapacity) {
            deadLetters.removeLast();
        }
    }

    private void evict() {
        Iterator<Map.Entry<Long, Entry>> it = entries.entrySet().iterator();
        while (entries.size() > capacity && it.hasNext()) {
            Entry old = it.next().getValue();
            it.remove();
            byRecord.remove(recordKey(old.broker, old.partition, old.offset), old.seq);
            byId.remove(idKey(old.attributes.get("source"), old.attributes.get("id")), old.seq);
            byId.remove(old.attributes.get("id"), old.seq);
        }
    }

    /** The newest revision: pass it back as {@code changedSince} to get only what changed. */
    public synchronized long revision() {
        return revision;
    }

    public synchronized long lastSeq() {
        return lastSeq;
    }

    /**
     * Events, oldest first: those with {@code seq > after}, changed after revision
     * {@code changedSince}, and passing {@code filter}; at most the newest {@code limit}.
     */
    public synchronized List<Views.Event> events(long after, long changedSince, int limit, Predicate<Map<String, String>> filter) {
        List<Views.Event> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.seq > after && e.revision > changedSince && filter.test(e.attributes)) {
                out.add(view(e));
            }
        }
        return out.size() > limit ? new ArrayList<>(out.subList(out.size() - limit, out.size())) : out;
    }

    /** The newest event with this {@code id} (and {@code source}, when given). */
    public synchronized Optional<Views.Event> event(String id, String source) {
        Long seq = source == null ? byId.get(id) : byId.get(idKey(source, id));
        return Optional.ofNullable(seq).map(entries::get).map(this::view);
    }

    /** Every event caused by {@code seq}'s replies, their replies, and so on, breadth first. */
    public synchronized List<Views.Event> replyChain(long seq) {
        List<Views.Event> out = new ArrayList<>();
        Deque<Long> queue = new ArrayDeque<>();
        Set<Long> seen = new HashSet<>();
        queue.add(seq);
        seen.add(seq);
        while (!queue.isEmpty()) {
            Entry e = entries.get(queue.poll());
            if (e == null) {
                continue;
            }
            for (Views.EventRef r : e.replies) {
                if (seen.add(r.seq())) {
                    Entry child = entries.get(r.seq());
                    if (child != null) {
                        out.add(view(child));
                        queue.add(child.seq);
                    }
                }
            }
        }
        return out;
    }

    /** Dead letters, newest first. */
    public synchronized List<Views.DeadLetter> deadLetters(int limit) {
        return deadLetters.stream().limit(limit).toList();
    }

    private Views.Event view(Entry e) {
        List<Views.Delivery> deliveries = new ArrayList<>();
        for (DeliveryRecord d : e.deliveries) {
            deliveries.add(new Views.Delivery(d.trigger, d.subscriber, d.url, d.status, List.copyOf(d.attempts), d.reply, d.deadLetter, d.note));
        }
        return new Views.Event(e.seq, e.revision, e.broker.toString(), e.receivedAt, e.via.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                e.attributes.get("id"), e.attributes.get("source"), e.attributes.get("type"), java.util.Collections.unmodifiableMap(new LinkedHashMap<>(e.attributes)),
                e.data instanceof JsonNode || e.data instanceof String ? e.data : null, e.dataBase64,
                e.cause, e.status, List.copyOf(e.matched), deliveries, List.copyOf(e.replies),
                e.partition, e.offset);
    }
}
