package io.ztrade.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One simulated fill of a backtest run; money rounded to the instrument's tick. */
@Entity
@Table(name = "backtest_trade")
public class BacktestTradeEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "run_id", nullable = false)
    public UUID runId;

    @Column(nullable = false)
    public int seq;

    /** {@code BUY} or {@code SELL}. */
    @Column(nullable = false)
    public String side;

    @Column(name = "bar_time", nullable = false)
    public Instant time;

    @Column(nullable = false)
    public BigDecimal price;

    @Column(nullable = false)
    public BigDecimal quantity;

    @Column(nullable = false)
    public BigDecimal commission;

    @Column(name = "realized_pnl", nullable = false)
    public BigDecimal realizedPnl;

    public static List<BacktestTradeEntity> ofRun(UUID runId) {
        return list("runId = ?1 order by seq", runId);
    }
}
