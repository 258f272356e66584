package io.ztrade.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
 *
 * <p>Meters (tags {@code function}, {@code type}): {@code ztrade.jobs} {outcome: succeeded | failed |
 * error | replayed | busy} counts deliveries; {@code ztrade.job.duration} {outcome} times the runs;
 * {@code ztrade.job.retries} counts runs of an event that ran before (a redelivery after a failure
 * or a dead replica).
 */
@ApplicationScoped
public class IdempotentJobs {

    private final JobLedger ledger;
    private final FunctionConfig config;
    private final MeterRegistry registry;

    public IdempotentJobs(JobLedger ledger, FunctionConfig config, MeterRegistry registry) {
        this.ledger = ledger;
        this.config = config;
        this.registry = registry;
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
            case JobLedger.Replay r -> {
                count(in, "replayed");
                yield r.replyType() == null ? null : reply(in, replySource, r.replyType(), parse(r.replyData()));
            }
            case JobLedger.Busy b -> {
                count(in, "busy");
                throw new JobBusyException("event " + in.source() + "/" + in.id()
                        + " is being processed by another delivery since " + b.startedAt());
            }
            case JobLedger.Run run -> {
                if (run.attempt() > 1) {
                    Counter.builder("ztrade.job.retries").description("Runs of an event that had run before")
                            .tag("function", config.name()).tag("type", in.type()).register(registry).increment();
                }
                yield timed(in, () -> execute(in, replySource, run.jobId(), job));
            }
        };
    }

    private CloudEvent<JsonNode> timed(CloudEvent<?> in, java.util.function.Supplier<Outcome> run) {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            Outcome o = run.get();
            outcome = o.succeeded() ? "succeeded" : "failed";
            return o.reply();
        } finally {
            Timer.builder("ztrade.job.duration").description("Time a job ran, by outcome").publishPercentileHistogram()
                    .tag("function", config.name()).tag("type", in.type()).tag("outcome", outcome).register(registry)
                    .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            count(in, outcome);
        }
    }

    private void count(CloudEvent<?> in, String outcome) {
        Counter.builder("ztrade.jobs").description("Deliveries of events to a function's jobs, by outcome")
                .tag("function", config.name()).tag("type", in.type()).tag("outcome", outcome).register(registry).increment();
    }

    /** A run's reply and whether the job succeeded. */
    private record Outcome(boolean succeeded, CloudEvent<JsonNode> reply) {}

    private Outcome execute(CloudEvent<?> in, String replySource, long jobId, LongFunction<JobOutcome> job) {
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
        return new Outcome(outcome.succeeded(), outcome.replyType() == null
                ? null
                : reply(in, replySource, outcome.replyType(), EventCodec.toTree(outcome.replyData())));
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
