package io.ztrade.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One function invocation, keyed on the CloudEvent's source + id. The stored reply answers a
 * redelivered event without running the job again.
 */
@Entity
@Table(name = "job_run")
public class JobRunEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_source", nullable = false)
    public String eventSource;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String function;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public String error;

    /** CloudEvent type of the stored reply, if the job produced one. */
    @Column(name = "reply_type")
    public String replyType;

    /** JSON data of the stored reply. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "reply_data")
    public String replyData;

    public static JobRunEntity findByEvent(String source, String id) {
        return find("eventSource = ?1 and eventId = ?2", source, id).firstResult();
    }

    /** The newest jobs first, optionally of one status. */
    public static List<JobRunEntity> recent(JobStatus status, int limit) {
        return (status == null ? find("order by startedAt desc") : find("status = ?1 order by startedAt desc", status))
                .page(0, limit)
                .list();
    }
}
