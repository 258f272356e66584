package io.ztrade.dev.emulator.log;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the event log (see the module README, "The JSON API"). */
public final class Views {

    private Views() {}

    /** A pointer to an event of the log. */
    public record EventRef(long seq, String id, String source, String type) {}

    /** Which event, through which Trigger, produced this one as its reply. */
    public record Cause(long seq, String id, String source, String type, String trigger) {}

    /**
     * One delivery attempt.
     *
     * @param attempt    1 for the first
     * @param at         when it started
     * @param statusCode the subscriber's HTTP status, or {@code null} when there was no response
     * @param latencyMs  from request start to response (or failure)
     * @param error      why there was no response ({@code null} when there was one)
     * @param activationMs of the latency, the wait for a ready replica of a Knative Service (scale
     *                   from zero, or every replica busy); absent for other subscribers
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attempt(int attempt, Instant at, Integer statusCode, double latencyMs, String error, Double activationMs) {}

    /** Where a dead letter went. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeadLetterTarget(String sink, boolean sent, String error) {}

    /**
     * One Trigger's delivery of an event.
     *
     * @param status {@code pending}, {@code delivered}, {@code dead-lettered} or {@code dropped}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delivery(String trigger, String subscriber, String url, String status, List<Attempt> attempts,
            EventRef reply, DeadLetterTarget deadLetter, String note) {}

    /**
     * An event as the log knows it.
     *
     * @param status {@code accepted} (stored, not yet read by the dispatcher), {@code dispatching},
     *               {@code no-match}, {@code delivered} (every matching Trigger's subscriber took it)
     *               or {@code failed} (some delivery was dead-lettered or dropped)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(long seq, long revision, String broker, Instant receivedAt, String via, String id, String source,
            String type, Map<String, String> attributes, Object data, String dataBase64, Cause causedBy, String status,
            List<String> matched, List<Delivery> deliveries, List<EventRef> replies, int partition, long offset) {}

    /** An event with every event its replies caused, transitively ({@code GET /api/events/{id}}). */
    public record EventWithReplies(Event event, List<Event> replyChain) {}

    /**
     * A dead letter: the event as sent to the dead-letter sink.
     *
     * @param errorData {@code knativeerrordata} decoded as UTF-8
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeadLetter(long revision, Instant at, long eventSeq, String broker, String trigger, String sink, boolean sent,
            String sinkError, Map<String, String> attributes, Map<String, String> extensions, String errorData, int attempts) {}
}
