package io.ztrade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** What a backtest and a sweep both need: strategy, instrument, period, capital and costs. */
final class BacktestOptions {

    @Option(names = "--strategy", required = true, paramLabel = "ID",
            description = "Strategy: sma-crossover, rsi-mean-reversion, momentum, ztrade-combined.")
    String strategy;

    @Option(names = "--symbol", required = true, paramLabel = "SYMBOL", description = "Instrument: AAPL, BTC-USD, ETH-USD.")
    String symbol;

    @Option(names = "--from", required = true, paramLabel = "TIME", description = "First bar included (ISO-8601, or a date: midnight UTC).")
    Instant from;

    @Option(names = "--to", required = true, paramLabel = "TIME", description = "Bars strictly before this time.")
    Instant to;

    @Option(names = "--timeframe", defaultValue = "1Day", paramLabel = "TF", description = "1Min, 5Min, 15Min, 1Hour, 1Day. Default: ${DEFAULT-VALUE}.")
    String timeframe;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A strategy parameter (repeatable), e.g. --param fast=10.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--capital", defaultValue = "10000", paramLabel = "AMOUNT", description = "Initial capital. Default: ${DEFAULT-VALUE}.")
    BigDecimal capital;

    @Option(names = "--commission", paramLabel = "AMOUNT", description = "Commission per fill. Default: 0.")
    BigDecimal commissionPerTrade;

    @Option(names = "--commission-bps", paramLabel = "BPS", description = "Commission in basis points of notional. Default: 0.")
    BigDecimal commissionBps;

    @Option(names = "--slippage-bps", paramLabel = "BPS", description = "Slippage in basis points on every fill. Default: 0.")
    BigDecimal slippageBps;

    @Option(names = "--risk-free-rate", paramLabel = "FRACTION", description = "Annual risk-free rate for Sharpe/Sortino, e.g. 0.02.")
    BigDecimal riskFreeRate;

    /** The {@code --param} values as JSON would give them: integers, decimals, booleans, else text. */
    Map<String, Object> typedParams() {
        Map<String, Object> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, typed(v)));
        return out;
    }

    static Object typed(String value) {
        String v = value.trim();
        try {
            JsonNode node = PlatformClient.JSON.readTree(v);
            if (node != null && (node.isNumber() || node.isBoolean())) {
                return node.isIntegralNumber() && node.canConvertToInt() ? node.intValue()
                        : node.isIntegralNumber() ? node.longValue()
                        : node.isNumber() ? node.decimalValue() : node.booleanValue();
            }
        } catch (IOException notJson) {
            // text
        }
        return v;
    }
}
