package io.ztrade.dev.emulator.trading;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@code /api/trading/**} returns. Money, prices, quantities and ratios are decimal strings
 * ({@link Decimals}): exact, as booked.
 */
public final class TradingViews {

    private TradingViews() {}

    /**
     * One agent with its account marked to the newest price: {@code equity = cash + quantity x mark},
     * {@code unrealisedPnl = quantity x mark - costBasis} (buy commissions are in the cost basis and
     * in {@code averagePrice = costBasis / quantity}), {@code totalPnl = equity - capital = realisedPnl + unrealisedPnl},
     * {@code drawdown = (peakEquity - equity) / peakEquity} (0 at or above the peak).
     */
    public record AgentSummary(String id, String symbol, String timeframe, String strategy, String kind, String status,
            String statusReason, boolean dryRun, String capital, String cash, String positionQuantity, String averagePrice,
            String markPrice, Instant markedAt, String equity, String realisedPnl, String unrealisedPnl, String totalPnl,
            String drawdown, int dailyTrades, Instant lastBarTime, Instant updatedAt) {}

    /** {@code GET /api/trading/agents/{id}}: the agent, its settings, position, equity curve, recent signals, orders and fills. */
    public record AgentDetail(AgentSummary agent, JsonNode params, JsonNode settings, String sourceFile, Instant createdAt,
            Position position, List<EquityPoint> equity, List<Signal> signals, List<Order> orders, List<Fill> fills) {}

    /** An open position marked to the newest price. */
    public record Position(String agentId, String symbol, String quantity, String averagePrice, String markPrice, Instant markedAt,
            String costBasis, String marketValue, String unrealisedPnl) {}

    /** One point of an agent's equity curve, as the trading loop booked it. */
    public record EquityPoint(Instant at, String equity, String drawdown) {}

    /** One decision of the audit log: taken or refused (then {@code rule} names the refusing rule), with its reasoning. */
    public record Signal(long id, Instant at, String agentId, Instant barTime, String action, boolean taken, String rule,
            JsonNode detail) {}

    /** One order with the fills booked against it. */
    public record Order(String clientOrderId, String orderId, String agentId, String symbol, String side, String type, String price,
            String quantity, String filledQuantity, String status, String reason, Instant createdAt, Instant updatedAt,
            List<Fill> fills) {}

    /** One execution, booked once. */
    public record Fill(String executionId, String clientOrderId, String agentId, String symbol, String side, String price,
            String quantity, String commission, Instant bookedAt) {}

    /** P&L of one agent (or, with {@code agentId} null, of all of them). */
    public record AgentPnl(String agentId, String capital, String cash, String equity, String realisedPnl, String unrealisedPnl,
            String commissions, String totalPnl, String totalReturn) {}

    /** {@code GET /api/trading/pnl}. */
    public record Pnl(List<AgentPnl> agents, AgentPnl total) {}

    /** The one kill switch. */
    public record KillSwitch(boolean engaged, String reason, Instant changedAt) {}

    /** Limits that span all agents, and where the book stands against them. */
    public record Portfolio(String totalCapital, String deployed, String deployedShare, String maxDeployedShare, int openPositions,
            int maxOpenPositions) {}

    /** One agent against its limits; {@code breaches} names each limit reached. */
    public record AgentRisk(String agentId, String status, String statusReason, boolean halted, int dailyTrades, Integer maxDailyTrades,
            LocalDate tradingDay, String dayStartEquity, String peakEquity, String equity, String dailyLoss, String dailyLossShare,
            String dailyLossLimit, String drawdown, String maxDrawdown, List<String> breaches) {}

    /** {@code GET /api/trading/risk}. */
    public record Risk(KillSwitch killSwitch, Portfolio portfolio, List<AgentRisk> agents, List<String> halted) {}
}
