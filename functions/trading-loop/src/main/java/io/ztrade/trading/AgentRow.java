package io.ztrade.trading;

import io.ztrade.domain.trading.AgentKind;
import io.ztrade.domain.trading.AgentStatus;
import java.math.BigDecimal;
import java.time.Instant;

/** One {@code agent} row, with the stored definition ({@code settings}: the validated YAML tree as JSON). */
public record AgentRow(String id, String symbol, String timeframe, AgentKind kind, BigDecimal capital, String settings,
        boolean dryRun, AgentStatus status, String statusReason, String sourceFile, Instant lastBarTime, Instant updatedAt) {}
