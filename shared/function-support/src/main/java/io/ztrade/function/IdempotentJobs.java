package io.ztrade.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.funqy.knative.events.CloudEvent;
import io.quarkus.funqy.knative.events.CloudEventBuilder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.ztrade.events.EventCodec;
import io.ztrade.persistence.JobLedger;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.LongFunction;

/**
 * Runs a function's job at most once per CloudEvent (source + id), recording it in {@code job_run}:
 * a redelivered event is answered with the stored reply, a job running elsewhere is answered 429, a
 * job whose replica died or that hit an infrastructure error runs again.
 *
 * <p>The job runs in a transaction together with the ledger's SUCCEEDED mark, so its results and its
 * success are stored atomically.
 */
@ApplicationScoped
public class IdempotentJobs {

    private final JobLedger ledger;
    private final FunctionConfig config;

    public IdempotentJobs(JobLedger ledger, FunctionConfig config) {
        this.ledger = ledger;
        this.config = config;
    }

    /**
     * @param in          the incoming event
     * @param replySource {@code source} of the reply
     * @param job         the work, given the {@code job_run} id
     * @return the reply event, or null for none (Funqy answers 204)
     */
    public CloudEvent<JsonNode> run(CloudEvent<?> in, String replySource, LongFunction<JobOutcome> job) {
        JobLedger.Claim claim = ledger.claim(in.source(), in.id(), in.type(), config.name());
        return switch (claim) {
            case JobLedger.Replay r -> r.replyType() == null ? null : reply(in, replySource, r.replyType(), parse(r.replyData()));
            case JobLedger.Busy b -> throw new JobBusyException("event " + in.source() + "/" + in.id()
                    + " is being processed by another delivery since " + b.startedAt());
            case JobLedger.Run run -> execute(in, replySource, run.jobId(), job);
        };
    }

    private CloudEvent<JsonNode> execute(CloudEvent<?> in, String replySource, long jobId, LongFunction<JobOutcome> job) {
        JobOutcome outcome;
        try {
            outcome = QuarkusTransaction.requiringNew().call(() -> {
                JobOutcome o = job.apply(jobId);
                if (o.succeeded()) {
                    ledger.succeed(jobId, o.replyType(), o.replyType() == null ? null : json(o.replyData()));
                }
                return o;
            });
        } catch (RuntimeException e) {
            ledger.fail(jobId, String.valueOf(e), null, null);
            throw e;
        }
        if (!outcome.succeeded()) {
            ledger.fail(jobId, outcome.error(), outcome.replyType(),
                    outcome.replyType() == null ? null : json(outcome.replyData()));
        }
        return outcome.replyType() == null
                ? null
                : reply(in, replySource, outcome.replyType(), EventCodec.toTree(outcome.replyData()));
    }

    /**
     * The reply's id is derived from the incoming event's source + id, so a replayed reply is the
     * same event and downstream consumers deduplicate it.
     */
    public static String replyId(String source, String id, String replyType) {
        return UUID.nameUUIDFromBytes((source + "\n" + id + "\n" + replyType).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static CloudEvent<JsonNode> reply(CloudEvent<?> in, String source, String type, JsonNode data) {
        return CloudEventBuilder.create()
                .specVersion("1.0")
                .id(replyId(in.source(), in.id(), type))
                .type(type)
                .source(source)
                .subject(in.subject())
                .time(OffsetDateTime.now(ZoneOffset.UTC))
                .build(data);
    }

    private static String json(Object data) {
        return new String(EventCodec.encode(data), StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String json) {
        try {
            return EventCodec.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reply is not JSON", e);
        }
    }
}
