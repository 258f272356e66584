package io.ztrade.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A parameter sweep. {@code done} counts finished members; it is only ever changed by an atomic
 * {@code update ... set done = done + 1} guarded by the member's own PENDING -> finished transition,
 * so redelivered events and concurrent replicas count each member once.
 */
@Entity
@Table(name = "backtest_sweep")
public class BacktestSweepEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String request;

    @Column(nullable = false)
    public String metric;

    @Column(name = "top_n", nullable = false)
    public int topN;

    @Column(nullable = false)
    public int total;

    @Column(nullable = false)
    public int skipped;

    @Column(nullable = false)
    public int done;

    @Column(nullable = false)
    public int succeeded;

    @Column(nullable = false)
    public int failed;

    /** {@code RUNNING} or {@code COMPLETED}. */
    @Column(nullable = false)
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "announced_at")
    public Instant announcedAt;
}
