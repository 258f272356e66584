package io.ztrade.domain.trading;

import io.ztrade.domain.backtest.Side;
import io.ztrade.domain.market.Instrument;
import io.ztrade.domain.market.Instruments;
import io.ztrade.domain.market.Timeframe;
import io.ztrade.domain.strategy.Strategies;
import java.math.BigDecimal;
import java.util.List;

/** Small builders for the trading tests. */
final class Fixtures {

    static final String AGENT = "aapl-sma";

    private Fixtures() {}

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static AgentSpec spec(BigDecimal capital, BigDecimal maxPositionSize, BigDecimal stopLoss, int maxDailyTrades, double minConfidence) {
        return new AgentSpec(AGENT, Instruments.AAPL, Timeframe.DAY_1, Strategies.create("sma-crossover", java.util.Map.of("fast", 2, "slow", 4)),
                capital, maxPositionSize, stopLoss, null, maxDailyTrades, minConfidence, false, AgentKind.TRADER, null, "agents/aapl-sma.yaml");
    }

    static AgentState running(String cash) {
        return AgentState.initial(AGENT, AgentStatus.RUNNING, d(cash));
    }

    static AgentState state(AgentStatus status, String cash, String qty, String avg, int tradesToday, String dayStart, String peak) {
        return new AgentState(AGENT, status, d(cash), d(qty), d(avg), tradesToday, d(dayStart), d(peak));
    }

    static ProposedOrder buy(String qty, String price) {
        return order(Instruments.AAPL, Side.BUY, OrderReason.SIGNAL, qty, price, d(price).multiply(d("0.95")), Double.NaN, new double[0]);
    }

    static ProposedOrder sell(String qty, String price, OrderReason reason) {
        return order(Instruments.AAPL, Side.SELL, reason, qty, price, null, Double.NaN, new double[0]);
    }

    static ProposedOrder order(Instrument instrument, Side side, OrderReason reason, String qty, String price, BigDecimal stop,
            double confidence, double[] closes) {
        return new ProposedOrder(AGENT, instrument, side, reason, d(qty), d(price), d(price), stop, confidence, closes);
    }

    static RiskContext alone(AgentState s, String totalCapital) {
        return RiskContext.of(s, List.of(), d(totalCapital));
    }

    static OpenPosition position(String agent, String symbol, String qty, String avg, double... closes) {
        return new OpenPosition(agent, symbol, d(qty), d(avg), closes);
    }
}
