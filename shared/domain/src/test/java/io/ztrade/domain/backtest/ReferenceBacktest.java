package io.ztrade.domain.backtest;

import io.ztrade.domain.market.BarSeries;
import io.ztrade.domain.strategy.Action;
import io.ztrade.domain.strategy.Signal;
import io.ztrade.domain.strategy.Strategy;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A slow, obviously correct backtest to check {@link BacktestEngine} against: signals first, then a
 * bar-by-bar simulation with fill prices and lot counts in {@link BigDecimal}, the whole equity curve
 * kept, and metrics from textbook two-pass formulas.
 */
final class ReferenceBacktest {

    record Result(List<Fill> fills, double[] equity, boolean[] holding, Metrics metrics) {}

    private ReferenceBacktest() {}

    static Result run(BarSeries s, Strategy strategy, BacktestConfig c) {
        int n = s.size();
        Signal[] signals = new Signal[n];
        Strategy.Evaluator evaluator = strategy.newEvaluator();
        for (int i = 0; i < n; i++) {
            signals[i] = evaluator.onBar(s, i);
        }
        BigDecimal tick = s.instrument().tickSize();
        BigDecimal lot = s.instrument().lotSize();
        double bps = c.commissionBps() / 1e4;
        double cash = c.initialCapital();
        double qty = 0;
        double entryCost = 0;
        List<Fill> fills = new ArrayList<>();
        double[] equity = new double[n];
        boolean[] holding = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                Signal sig = signals[i - 1];
                double open = s.openColumn()[i];
                long t = s.timeColumn()[i];
                if (sig.action() == Action.BUY && qty == 0) {
                    BigDecimal exact = BigDecimal.valueOf(open)
                            .multiply(BigDecimal.ONE.add(BigDecimal.valueOf(c.slippageBps()).movePointLeft(4)));
                    double price = exact.divide(tick, 0, RoundingMode.CEILING).multiply(tick).doubleValue();
                    double budget = cash * sig.sizeFraction();
                    BigDecimal maxQty = BigDecimal.valueOf(budget - c.commissionPerTrade())
                            .divide(BigDecimal.valueOf(price * (1 + bps)), MathContext.DECIMAL64);
                    long lots = maxQty.signum() > 0 ? maxQty.divide(lot, 0, RoundingMode.FLOOR).longValueExact() : 0;
                    // exact budget test, one lot either way of the estimate
                    while (lots > 0 && cost(price, lot, lots, c) > budget * (1 + 1e-12)) {
                        lots--;
                    }
                    while (cost(price, lot, lots + 1, c) <= budget) {
                        lots++;
                    }
                    if (lots > 0) {
                        double q = lot.multiply(BigDecimal.valueOf(lots)).doubleValue();
                        double commission = c.commissionPerTrade() + price * q * bps;
                        entryCost = price * q + commission;
                        cash -= entryCost;
                        qty = q;
                        fills.add(new Fill(i, t, Side.BUY, price, q, commission, 0));
                    }
                } else if (sig.action() == Action.SELL && qty > 0) {
                    BigDecimal exact = BigDecimal.valueOf(open)
                            .multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(c.slippageBps()).movePointLeft(4)));
                    double price = exact.divide(tick, 0, RoundingMode.FLOOR).multiply(tick).doubleValue();
                    double proceeds = price * qty;
                    double commission = c.commissionPerTrade() + proceeds * bps;
                    cash += proceeds - commission;
                    fills.add(new Fill(i, t, Side.SELL, price, qty, commission, proceeds - commission - entryCost));
                    qty = 0;
                }
            }
            equity[i] = cash + qty * s.closeColumn()[i];
            holding[i] = qty > 0;
        }
        return new Result(fills, equity, holding, metrics(s, c, fills, equity, holding));
    }

    private static double cost(double price, BigDecimal lot, long lots, BacktestConfig c) {
        double q = lot.multiply(BigDecimal.valueOf(lots)).doubleValue();
        return price * q + c.commissionPerTrade() + price * q * c.commissionBps() / 1e4;
    }

    static Metrics metrics(BarSeries s, BacktestConfig c, List<Fill> fills, double[] equity, boolean[] holding) {
        int n = equity.length;
        double ppy = s.instrument().assetClass().periodsPerYear(s.timeframe());
        double rf = c.riskFreeRate() / ppy;
        double[] r = new double[n - 1];
        for (int i = 1; i < n; i++) {
            r[i - 1] = equity[i] / equity[i - 1] - 1;
        }
        double mean = 0;
        for (double x : r) {
            mean += x;
        }
        mean /= r.length;
        double ss = 0;
        double down = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
            down += Math.pow(Math.min(0, x - rf), 2);
        }
        double stdev = Math.sqrt(ss / (r.length - 1));
        double dd = Math.sqrt(down / r.length);
        double sharpe = r.length >= 2 && stdev > 0 ? (mean - rf) / stdev * Math.sqrt(ppy) : Double.NaN;
        double sortino = r.length >= 1 && dd > 0 ? (mean - rf) / dd * Math.sqrt(ppy) : Double.NaN;
        double maxDd = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                maxDd = Math.max(maxDd, (equity[i] - equity[j]) / equity[i]);
            }
        }
        double years = (s.timeColumn()[n - 1] - s.timeColumn()[0]) / (365.25 * 86_400_000.0);
        double finalEquity = equity[n - 1];
        int trades = 0;
        int wins = 0;
        double profit = 0;
        double loss = 0;
        double commissions = 0;
        for (Fill f : fills) {
            commissions += f.commission();
            if (f.side() == Side.SELL) {
                trades++;
                if (f.realizedPnl() > 0) {
                    wins++;
                    profit += f.realizedPnl();
                } else {
                    loss -= f.realizedPnl();
                }
            }
        }
        int exposed = 0;
        for (boolean h : holding) {
            exposed += h ? 1 : 0;
        }
        return new Metrics(
                finalEquity / c.initialCapital() - 1,
                n > 1 ? Math.pow(finalEquity / c.initialCapital(), 1 / years) - 1 : Double.NaN,
                sharpe,
                sortino,
                maxDd,
                trades > 0 ? (double) wins / trades : Double.NaN,
                trades,
                loss > 0 ? profit / loss : Double.NaN,
                (double) exposed / n,
                commissions,
                finalEquity);
    }
}
