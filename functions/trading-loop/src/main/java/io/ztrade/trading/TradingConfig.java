package io.ztrade.trading;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/** {@code ztrade.trading.*}: the loop's configuration. */
@ConfigMapping(prefix = "ztrade.trading")
public interface TradingConfig {

    /** Agents decided at once per replica (virtual threads behind a semaphore). */
    @WithDefault("16")
    int parallelism();

    /** Expiry of a per-agent lock: a crashed replica holds an agent no longer than this. */
    @WithDefault("PT30S")
    Duration lockTtl();

    /** Bars read per decision. */
    @WithDefault("200")
    int bars();

    /** Sentiment older than this at a bar's close is not used. */
    @WithDefault("PT24H")
    Duration sentimentMaxAge();

    /** Kafka topic of orders (key = symbol). */
    @WithDefault("ztrade.orders")
    String ordersTopic();

    /** Commission per fill (as a backtest's {@code commissionPerTrade}). */
    @WithDefault("0")
    BigDecimal commissionPerTrade();

    /** Commission in basis points of notional (as a backtest's {@code commissionBps}). */
    @WithDefault("0")
    BigDecimal commissionBps();

    /**
     * How far past the bar's close a trader's limit price may go, in basis points (a marketable limit:
     * buys at most close * (1 + bps/10000), sells at least close * (1 - bps/10000)); the order is IOC.
     */
    @WithDefault("50")
    BigDecimal limitSlippageBps();

    /** Folder of {@code <id>/context.yaml} agent files imported at start; empty: none. */
    Optional<String> importDir();

    /** Whether market makers imported at start are started (liquidity on the local platform). */
    @WithDefault("false")
    boolean startImportedMarketMakers();

    /** Risk limits. */
    Risk risk();

    interface Risk {
        @WithDefault("0.05")
        BigDecimal positionShareOfCapital();

        @WithDefault("0.05")
        BigDecimal dailyLossLimit();

        @WithDefault("0.20")
        BigDecimal maxDrawdown();

        @WithDefault("3")
        int maxOpenPositions();

        @WithDefault("3")
        int maxCorrelatedPositions();

        @WithDefault("0.7")
        double correlationThreshold();

        @WithDefault("30")
        int correlationLookbackBars();

        @WithDefault("0.80")
        BigDecimal maxDeployedShare();
    }
}
