package io.ztrade.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A finished backtest: its request, metrics and where it came from. Fills are in {@link BacktestTradeEntity}. */
@Entity
@Table(name = "backtest_run")
public class BacktestRunEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "job_run_id")
    public Long jobRunId;

    @Column(name = "sweep_id")
    public UUID sweepId;

    @Column(name = "sweep_index")
    public Integer sweepIndex;

    @Column(nullable = false)
    public String strategy;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String params;

    @Column(nullable = false)
    public String symbol;

    @Column(nullable = false)
    public String timeframe;

    @Column(name = "from_time", nullable = false)
    public Instant fromTime;

    @Column(name = "to_time", nullable = false)
    public Instant toTime;

    @Column(name = "initial_capital", nullable = false)
    public BigDecimal initialCapital;

    @Column(name = "commission_per_trade", nullable = false)
    public BigDecimal commissionPerTrade;

    @Column(name = "commission_bps", nullable = false)
    public BigDecimal commissionBps;

    @Column(name = "slippage_bps", nullable = false)
    public BigDecimal slippageBps;

    @Column(name = "risk_free_rate", nullable = false)
    public BigDecimal riskFreeRate;

    @Column(nullable = false)
    public int bars;

    @Column(name = "total_return")
    public Double totalReturn;

    public Double cagr;
    public Double sharpe;
    public Double sortino;

    @Column(name = "max_drawdown")
    public Double maxDrawdown;

    @Column(name = "win_rate")
    public Double winRate;

    @Column(nullable = false)
    public int trades;

    @Column(name = "profit_factor")
    public Double profitFactor;

    public Double exposure;

    @Column(nullable = false)
    public BigDecimal commissions;

    @Column(name = "final_equity", nullable = false)
    public BigDecimal finalEquity;

    @Column(name = "duration_ms", nullable = false)
    public long durationMs;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<BacktestRunEntity> ofSweep(UUID sweepId) {
        return list("sweepId", sweepId);
    }
}
