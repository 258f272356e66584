package io.ztrade.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code job_run} ledger: every function invocation is recorded, keyed on the CloudEvent's
 * source + id, so a redelivered event never runs its job twice.
 *
 * <p>{@link #claim} decides, atomically across replicas (row lock on the unique key), whether this
 * delivery runs the job, replays a stored reply, or must be retried later because another delivery
 * is running it.
 */
@ApplicationScoped
public class JobLedger {

    /** What a delivery should do. */
    public sealed interface Claim {}

    /** Run the job; {@code attempt} counts runs of this event (1 for the first). */
    public record Run(long jobId, int attempt) implements Claim {}

    /** The job already finished: answer with its stored reply (which may be absent). */
    public record Replay(long jobId, JobStatus status, String replyType, String replyData) implements Claim {}

    /** Another delivery is running the job right now. */
    public record Busy(long jobId, Instant startedAt) implements Claim {}

    private final Duration staleAfter;
    private final Clock clock;

    public JobLedger(@ConfigProperty(name = "ztrade.jobs.stale-after", defaultValue = "PT10M") Duration staleAfter) {
        this.staleAfter = staleAfter;
        this.clock = Clock.systemUTC();
    }

    /**
     * Records the delivery of event {@code source}/{@code id} and says what to do with it. A job left
     * RUNNING for longer than {@code ztrade.jobs.stale-after} (its replica died) is taken over; a job
     * that FAILED without a reply (an infrastructure error) runs again.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claim claim(String source, String id, String type, String function) {
        Instant now = clock.instant();
        int inserted = Panache.getEntityManager()
                .createNativeQuery("insert into job_run (event_source, event_id, event_type, function, status, attempts, started_at)"
                        + " values (?1, ?2, ?3, ?4, 'RUNNING', 1, ?5) on conflict (event_source, event_id) do nothing")
                .setParameter(1, source)
                .setParameter(2, id)
                .setParameter(3, type)
                .setParameter(4, function)
                .setParameter(5, now)
                .executeUpdate();
        JobRunEntity job = JobRunEntity.find("eventSource = ?1 and eventId = ?2", source, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
        if (inserted == 1) {
            return new Run(job.id, job.attempts);
        }
        boolean finished = job.status == JobStatus.SUCCEEDED || (job.status == JobStatus.FAILED && job.replyType != null);
        if (finished) {
            return new Replay(job.id, job.status, job.replyType, job.replyData);
        }
        if (job.status == JobStatus.RUNNING && job.startedAt.isAfter(now.minus(staleAfter))) {
            return new Busy(job.id, job.startedAt);
        }
        job.attempts++;
        job.status = JobStatus.RUNNING;
        job.startedAt = now;
        job.finishedAt = null;
        job.error = null;
        return new Run(job.id, job.attempts);
    }

    /**
     * Marks the job SUCCEEDED with its reply, inside the caller's transaction, so that the job's
     * results and its success commit together or not at all.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void succeed(long jobId, String replyType, String replyData) {
        finish(jobId, JobStatus.SUCCEEDED, null, replyType, replyData);
    }

    /**
     * Marks the job FAILED in a transaction of its own. With a reply (a business failure such as "no
     * bars") a redelivery replays it; without one (an infrastructure error) a redelivery runs again.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(long jobId, String error, String replyType, String replyData) {
        finish(jobId, JobStatus.FAILED, error, replyType, replyData);
    }

    private void finish(long jobId, JobStatus status, String error, String replyType, String replyData) {
        JobRunEntity job = JobRunEntity.findById(jobId);
        if (job == null) {
            throw new IllegalStateException("no job_run " + jobId);
        }
        job.status = status;
        job.finishedAt = clock.instant();
        job.error = error;
        job.replyType = replyType;
        job.replyData = replyData;
    }
}
