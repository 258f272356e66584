package io.ztrade.domain.trading;

import io.ztrade.domain.backtest.Side;
import io.ztrade.domain.market.BarSeries;
import io.ztrade.domain.market.Instrument;
import io.ztrade.domain.strategy.Action;
import io.ztrade.domain.strategy.Signal;
import io.ztrade.domain.strategy.Strategy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One trading agent's decision at the close of the newest bar. Thread-safe; one instance serves every
 * agent.
 *
 * <ol>
 *   <li>The strategy's signal: a fresh {@code Strategy.Evaluator} (the object a backtest runs) is fed
 *       every bar of the series, oldest first; the signal is the one at the newest bar.
 *   <li>An open long position is checked first: close &lt;= average price * (1 - stopLoss) -> SELL it
 *       all ({@link OrderReason#STOP_LOSS}); else close &gt;= average price * (1 + takeProfit) -> SELL
 *       it all ({@link OrderReason#TAKE_PROFIT}).
 *   <li>Otherwise, long only as in the backtest: BUY while flat -> BUY, SELL while long -> SELL the
 *       whole position ({@link OrderReason#SIGNAL}); BUY while long, SELL while flat and HOLD -> HOLD.
 *   <li>A BUY is sized by {@link PositionSizer} (allowed size scaled by confidence); its stop-loss
 *       price is close * (1 - stopLoss) rounded down to the tick.
 *   <li>Every rule of {@link RiskRules#all} is checked and reported, then {@code position-size}
 *       (refuses a quantity of 0). The first refusing one is {@code refusedBy}; any rule may ask to
 *       halt the agent.
 * </ol>
 *
 * The limit price is the newest close on the tick grid (BUY rounded up, SELL down). The client order
 * id is {@link ClientOrderIds#of}(agent, bar time, reason): a retried tick of the same bar gives the
 * same id.
 */
public final class TradingDecider {

    /** The name of the sizing check in {@link Decision#rules()}. */
    public static final String POSITION_SIZE = "position-size";

    private final RiskLimits limits;
    private final CommissionModel costs;
    private final PositionSizer sizer;

    public TradingDecider(RiskLimits limits, CommissionModel costs) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.costs = Objects.requireNonNull(costs, "costs");
        this.sizer = new PositionSizer(limits, costs);
    }

    /**
     * Decides at the close of {@code bars}' newest bar.
     *
     * @param spec      the agent (a {@link AgentKind#TRADER})
     * @param context   its account and the portfolio
     * @param bars      its bars, oldest first, the newest being the one decided on
     * @param sentiment the latest sentiment score, reported in the decision (strategies read sentiment
     *                  from the series' columns, {@code BarSeries.setSentiment}); NaN when unknown
     * @param now       the decision time; it does not enter the decision or the order id (the bar does),
     *                  so that a retried tick decides the same
     * @throws IllegalArgumentException for a market maker, an empty series or one of another instrument
     */
    public Decision decide(AgentSpec spec, RiskContext context, BarSeries bars, double sentiment, Instant now) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(bars, "bars");
        if (spec.kind() != AgentKind.TRADER) {
            throw new IllegalArgumentException("agent " + spec.id() + " is a " + spec.kind() + ": it quotes (MarketMakerQuotes), it does not decide");
        }
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("agent " + spec.id() + ": no bars");
        }
        if (!bars.instrument().symbol().equals(spec.symbol())) {
            throw new IllegalArgumentException("agent " + spec.id() + " trades " + spec.symbol() + ", bars are of "
                    + bars.instrument().symbol());
        }
        Instrument instrument = spec.instrument();
        int i = bars.size() - 1;
        Instant barTime = bars.time(i);
        Signal signal = signalAt(spec.strategy(), bars, i);
        Map<String, Double> indicators = IndicatorValues.at(spec.strategy(), bars, i, signal);
        double rawClose = bars.closeColumn()[i];
        BigDecimal mark = instrument.roundToTick(rawClose);
        AgentState agent = context.agent();
        BigDecimal position = agent.positionQuantity();
        boolean long_ = position.signum() > 0;

        Side side = null;
        OrderReason reason = null;
        String why;
        if (long_ && spec.stopLoss() != null
                && mark.compareTo(agent.averagePrice().multiply(BigDecimal.ONE.subtract(spec.stopLoss()))) <= 0) {
            side = Side.SELL;
            reason = OrderReason.STOP_LOSS;
            why = "close " + Fmt.money(mark) + " at or below stop-loss " + Fmt.pct(spec.stopLoss()) + " under average price "
                    + Fmt.money(agent.averagePrice());
        } else if (long_ && spec.takeProfit() != null
                && mark.compareTo(agent.averagePrice().multiply(BigDecimal.ONE.add(spec.takeProfit()))) >= 0) {
            side = Side.SELL;
            reason = OrderReason.TAKE_PROFIT;
            why = "close " + Fmt.money(mark) + " at or above take-profit " + Fmt.pct(spec.takeProfit()) + " over average price "
                    + Fmt.money(agent.averagePrice());
        } else if (signal.action() == Action.BUY && position.signum() == 0) {
            side = Side.BUY;
            reason = OrderReason.SIGNAL;
            why = "strategy BUY while flat";
        } else if (signal.action() == Action.SELL && long_) {
            side = Side.SELL;
            reason = OrderReason.SIGNAL;
            why = "strategy SELL while long";
        } else {
            why = switch (signal.action()) {
                case HOLD -> "strategy HOLD";
                case BUY -> "strategy BUY while already long: holding";
                case SELL -> "strategy SELL while flat: nothing to sell";
            };
        }
        if (side == null) {
            return new Decision(spec.id(), barTime, Action.HOLD, null, BigDecimal.ZERO, null, signal, indicators, sentiment,
                    List.of(), null, false, spec.dryRun(), null, why);
        }

        BigDecimal price;
        BigDecimal quantity;
        BigDecimal stopLossPrice = null;
        RuleResult sizing;
        if (side == Side.BUY) {
            price = ceilToTick(BigDecimal.valueOf(rawClose), instrument);
            BigDecimal allowed = sizer.allowedQuantity(spec, context, price);
            BigDecimal fraction = PositionSizer.fraction(signal.confidence());
            quantity = instrument.roundDownToLot(allowed.multiply(fraction));
            if (spec.stopLoss() != null) {
                stopLossPrice = floorToTick(price.multiply(BigDecimal.ONE.subtract(spec.stopLoss())), instrument);
            }
            String numbers = "allowed " + Fmt.money(allowed) + " at " + Fmt.money(price) + ", confidence "
                    + Fmt.num(signal.confidence()) + " -> " + Fmt.pct(fraction) + " -> " + Fmt.money(quantity);
            sizing = quantity.signum() > 0
                    ? RuleResult.pass(POSITION_SIZE, numbers)
                    : RuleResult.refuse(POSITION_SIZE, numbers + ": nothing to buy");
        } else {
            price = floorToTick(BigDecimal.valueOf(rawClose), instrument);
            quantity = position;
            sizing = RuleResult.pass(POSITION_SIZE, "sell the whole position " + Fmt.money(quantity));
        }
        int from = Math.max(0, bars.size() - limits.correlationLookbackBars());
        double[] recent = Arrays.copyOfRange(bars.closeColumn(), from, bars.size());
        ProposedOrder order = new ProposedOrder(spec.id(), instrument, side, reason, quantity, price, mark, stopLossPrice,
                signal.confidence(), recent);

        List<RuleResult> results = new ArrayList<>(11);
        String refusedBy = null;
        boolean halt = false;
        for (RiskRule rule : RiskRules.all(limits, spec)) {
            RuleResult r = rule.check(context, order);
            results.add(r);
            if (!r.passed() && refusedBy == null) {
                refusedBy = r.rule();
            }
            halt |= r.haltsAgent();
        }
        results.add(sizing);
        if (!sizing.passed() && refusedBy == null) {
            refusedBy = sizing.rule();
        }
        String detail = why + (refusedBy == null ? "" : "; refused by " + refusedBy) + (halt ? "; agent halted" : "")
                + (spec.dryRun() ? "; dry run" : "");
        return new Decision(spec.id(), barTime, side == Side.BUY ? Action.BUY : Action.SELL, reason, quantity, price, signal,
                indicators, sentiment, results, refusedBy, halt, spec.dryRun(), ClientOrderIds.of(spec.id(), barTime, reason),
                detail);
    }

    /** The strategy's signal at bar {@code index}, from a fresh evaluator fed bars 0..index. */
    static Signal signalAt(Strategy strategy, BarSeries bars, int index) {
        Strategy.Evaluator evaluator = strategy.newEvaluator();
        Signal signal = Signal.HOLD;
        for (int k = 0; k <= index; k++) {
            signal = evaluator.onBar(bars, k);
        }
        return signal;
    }

    private static BigDecimal ceilToTick(BigDecimal v, Instrument instrument) {
        return MarketMakerQuotes.ceilTo(snap(v, instrument), instrument.tickSize());
    }

    private static BigDecimal floorToTick(BigDecimal v, Instrument instrument) {
        return MarketMakerQuotes.floorTo(snap(v, instrument), instrument.tickSize());
    }

    /** A close given as a double (100.05 is 100.0499999...) is snapped to the tick it stands for. */
    private static BigDecimal snap(BigDecimal v, Instrument instrument) {
        BigDecimal nearest = instrument.roundToTick(v);
        return nearest.subtract(v).abs().compareTo(instrument.tickSize().movePointLeft(6)) <= 0 ? nearest : v;
    }

    public RiskLimits limits() {
        return limits;
    }

    public CommissionModel costs() {
        return costs;
    }
}
