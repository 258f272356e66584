package io.ztrade.domain.backtest;

import io.ztrade.domain.market.BarSeries;
import io.ztrade.domain.market.Instrument;
import io.ztrade.domain.strategy.Action;
import io.ztrade.domain.strategy.Signal;
import io.ztrade.domain.strategy.Strategy;
import java.util.Objects;

/**
 * Runs a {@link Strategy} over a {@link BarSeries} in one pass over its primitive columns and reports
 * the fills and {@link Metrics}. Stateless and thread-safe; one run allocates only its fills and a
 * few small objects, nothing per bar (as long as the strategy's evaluator does not).
 *
 * <p>Semantics, chosen so that a result can be checked by hand:
 *
 * <ul>
 *   <li>Long only. The strategy sees bar {@code i} at its close; a BUY or SELL is filled at the open
 *       of bar {@code i + 1} (no look-ahead). A signal on the last bar is not filled.
 *   <li>BUY while flat: fill price = open * (1 + slippageBps / 1e4) rounded up to the tick grid;
 *       quantity = the most whole lots with price * qty + commission &lt;= cash * sizeFraction, where
 *       commission = commissionPerTrade + price * qty * commissionBps / 1e4. No trade when that is 0
 *       lots. BUY while long is ignored.
 *   <li>SELL while long: sell everything at open * (1 - slippageBps / 1e4) rounded down to the tick
 *       grid, commission likewise; realizedPnl = proceeds - commission - entry cost (entry commission
 *       included). SELL while flat is ignored.
 *   <li>Equity at each close = cash + qty * close. A position still open after the last bar is valued
 *       at the last close and not counted as a round trip.
 * </ul>
 *
 * <p>Metrics: see {@link Metrics} and the module README for the exact formulas. Everything is computed
 * in {@code double}; for storage or display round money with
 * {@link Instrument#roundToTick(double)} of the series' instrument.
 */
public final class BacktestEngine {

    private static final double MILLIS_PER_YEAR = 365.25 * 24 * 60 * 60 * 1000;

    public BacktestEngine() {}

    /**
     * Backtests {@code strategy} on every bar of {@code series}.
     *
     * @throws IllegalArgumentException if the series has no bars
     */
    public BacktestResult run(BarSeries series, Strategy strategy, BacktestConfig config) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(config, "config");
        int n = series.size();
        if (n == 0) {
            throw new IllegalArgumentException("series has no bars");
        }
        Instrument instrument = series.instrument();
        double periodsPerYear = instrument.assetClass().periodsPerYear(series.timeframe());
        Run run = new Run(series, new Book(new TickGrid(instrument), config), config.riskFreeRate() / periodsPerYear);
        run.simulate(strategy.newEvaluator());
        return new BacktestResult(run.book.fills, run.metrics(config.initialCapital(), periodsPerYear), n);
    }

    /**
     * One run's loop and its running statistics. The strategy is evaluated in blocks of
     * {@value #BLOCK} bars ({@link Strategy.Evaluator#onBars}), which reports only the bars with a
     * BUY or SELL; the bars from one such bar to the next form a stretch over which the position does
     * not change, booked in one tight loop, or in O(1) while flat (equity is then constant cash and
     * every return exactly 0).
     */
    private static final class Run {
        private static final int BLOCK = 1024;

        private final BarSeries series;
        private final Book book;
        private final double rfPerBar;
        private final int n;
        private final long[] time;
        private final double[] open;
        private final double[] close;

        /** Order for the next open: a BUY's size fraction (&gt; 0), -1 for a SELL, 0 for none. */
        private double pending;
        /** Open price and time of the bar that fills the pending order. */
        private double pendingOpen;
        private long pendingTime;
        private double prevEquity;
        private double sumR;
        private double sumR2;
        private double sumDown2;
        private double peak;
        private double maxDrawdown;
        private int exposedBars;

        Run(BarSeries series, Book book, double rfPerBar) {
            this.series = series;
            this.book = book;
            this.rfPerBar = rfPerBar;
            this.n = series.size();
            this.time = series.timeColumn();
            this.open = series.openColumn();
            this.close = series.closeColumn();
            this.prevEquity = book.cash;
            this.peak = book.cash;
        }

        void simulate(Strategy.Evaluator evaluator) {
            int capacity = Math.min(BLOCK, n);
            int[] indexes = new int[capacity];
            Signal[] signals = new Signal[capacity];
            double[] nextOpen = new double[capacity];
            long[] nextTime = new long[capacity];
            int i = 0; // the first bar not booked yet
            for (int from = 0; from < n; from += BLOCK) {
                int to = Math.min(n, from + BLOCK);
                int count = evaluator.onBars(series, from, to, indexes, signals);
                checkReported(indexes, count, Math.max(i, from), to);
                // the bars after the signals are far apart in columns the loop does not otherwise
                // read; loading them together lets their cache misses overlap
                for (int k = 0; k < count; k++) {
                    int f = Math.min(indexes[k] + 1, n - 1);
                    nextOpen[k] = open[f];
                    nextTime[k] = time[f];
                }
                for (int k = 0; k < count; k++) {
                    int j = indexes[k];
                    // bars i..j keep the position: fill what is pending at bar i's open, book the
                    // closes, then bar j's signal leaves an order for bar j + 1's open
                    fillPending(i);
                    book(i, j);
                    pending = pendingOrder(signals[k], book.qty, j + 1 < n);
                    pendingOpen = nextOpen[k];
                    pendingTime = nextTime[k];
                    i = j + 1;
                }
                if (i < to) {
                    fillPending(i);
                    book(i, to - 1);
                    i = to;
                }
            }
        }

        /** An evaluator must report bars of its block, in increasing order. */
        private static void checkReported(int[] indexes, int count, int from, int to) {
            int previous = from - 1;
            for (int k = 0; k < count; k++) {
                int j = indexes[k];
                if (j <= previous || j >= to) {
                    throw new IllegalStateException("the strategy's evaluator reported bar " + j
                            + " out of order or outside its block [" + from + ", " + to + ")");
                }
                previous = j;
            }
        }

        /** Fills the pending order, if any, at bar {@code i}'s open. */
        private void fillPending(int i) {
            if (pending > 0) {
                book.buy(i, pendingTime, pendingOpen, pending);
            } else if (pending < 0) {
                book.sell(i, pendingTime, pendingOpen);
            }
            pending = 0;
        }

        /** Books the closes of bars {@code a..b} (inclusive), over which the position does not change. */
        private void book(int a, int b) {
            final double cash = book.cash;
            final double qty = book.qty;
            final double rf = rfPerBar;
            double prev = prevEquity;
            if (a == 0) {
                // the first close: equity is the initial capital, there is no return yet
                prev = cash + qty * close[0];
                a = 1;
            }
            if (a > b) {
                prevEquity = prev;
                return;
            }
            double s1 = sumR;
            double s2 = sumR2;
            double down2 = sumDown2;
            double pk = peak;
            double dd = maxDrawdown;
            if (qty == 0) {
                // equity is cash at every close: one real return, then b - a returns of exactly 0
                double equity = cash;
                double r = equity / prev - 1;
                s1 += r;
                s2 += r * r;
                double d = Math.min(0, r - rf);
                down2 += d * d;
                double flat = Math.min(0, -rf);
                down2 += (b - a) * (flat * flat);
                if (equity > pk) {
                    pk = equity;
                } else if (pk - equity > dd * pk) {
                    dd = (pk - equity) / pk;
                }
                prev = equity;
            } else {
                final double[] c = close;
                for (int k = a; k <= b; k++) {
                    double equity = cash + qty * c[k];
                    double r = equity / prev - 1;
                    prev = equity;
                    s1 += r;
                    s2 += r * r;
                    double d = Math.min(0, r - rf);
                    down2 += d * d;
                    if (equity > pk) {
                        pk = equity;
                    } else if (pk - equity > dd * pk) {
                        dd = (pk - equity) / pk;
                    }
                }
                exposedBars += b - a + 1;
            }
            sumR = s1;
            sumR2 = s2;
            sumDown2 = down2;
            peak = pk;
            maxDrawdown = dd;
            prevEquity = prev;
        }

        Metrics metrics(double initial, double periodsPerYear) {
            int returns = n - 1;
            double mean = returns > 0 ? sumR / returns : Double.NaN;
            double sharpe = Double.NaN;
            if (returns >= 2) {
                double variance = (sumR2 - sumR * mean) / (returns - 1);
                if (variance > 0) {
                    sharpe = (mean - rfPerBar) / Math.sqrt(variance) * Math.sqrt(periodsPerYear);
                }
            }
            double sortino = Double.NaN;
            if (returns >= 1 && sumDown2 > 0) {
                sortino = (mean - rfPerBar) / Math.sqrt(sumDown2 / returns) * Math.sqrt(periodsPerYear);
            }
            double finalEquity = prevEquity;
            double cagr = n > 1
                    ? Math.pow(finalEquity / initial, MILLIS_PER_YEAR / (time[n - 1] - time[0])) - 1
                    : Double.NaN;
            int trades = book.roundTrips;
            return new Metrics(
                    finalEquity / initial - 1,
                    cagr,
                    sharpe,
                    sortino,
                    maxDrawdown,
                    trades > 0 ? (double) book.winners / trades : Double.NaN,
                    trades,
                    book.grossLoss > 0 ? book.grossProfit / book.grossLoss : Double.NaN,
                    (double) exposedBars / n,
                    book.commissions,
                    finalEquity);
        }
    }

    /**
     * The order a signal leaves for the next open: the BUY's size fraction (&gt; 0), -1 for a SELL, 0
     * for none. BUY while long, SELL while flat and any signal without a next bar leave none.
     */
    private static double pendingOrder(Signal signal, double qty, boolean hasNextBar) {
        Action action = signal.action();
        if (action == Action.HOLD || !hasNextBar) {
            return 0;
        }
        if (action == Action.BUY) {
            return qty == 0 ? signal.sizeFraction() : 0;
        }
        return qty > 0 ? -1 : 0;
    }

    /** Cash, the position and the trade log of one run. */
    private static final class Book {
        private final TickGrid grid;
        private final double perTrade;
        private final double bpsFraction;
        private final double buySlippage;
        private final double sellSlippage;
        final FillLog fills = new FillLog();
        double cash;
        double qty;
        double entryCost;
        double commissions;
        int roundTrips;
        int winners;
        double grossProfit;
        double grossLoss;

        Book(TickGrid grid, BacktestConfig config) {
            this.grid = grid;
            this.perTrade = config.commissionPerTrade();
            this.bpsFraction = config.commissionBps() / 1e4;
            this.buySlippage = 1 + config.slippageBps() / 1e4;
            this.sellSlippage = 1 - config.slippageBps() / 1e4;
            this.cash = config.initialCapital();
        }

        void buy(int bar, long timeMillis, double open, double sizeFraction) {
            double price = grid.roundUpToTick(open * buySlippage);
            double budget = cash * sizeFraction;
            if (!(price > 0) || !(budget > perTrade)) {
                return;
            }
            double lots = grid.lotsIn((budget - perTrade) / (price * (1 + bpsFraction)));
            double quantity = grid.quantityOf(lots);
            double commission = perTrade + price * quantity * bpsFraction;
            // the division above can round up by an ulp; never spend more than the budget
            while (lots > 0 && price * quantity + commission > budget * (1 + 1e-12)) {
                lots--;
                quantity = grid.quantityOf(lots);
                commission = perTrade + price * quantity * bpsFraction;
            }
            if (lots <= 0) {
                return;
            }
            double cost = price * quantity + commission;
            cash -= cost;
            qty = quantity;
            entryCost = cost;
            commissions += commission;
            fills.record(bar, timeMillis, Side.BUY, price, quantity, commission, 0);
        }

        void sell(int bar, long timeMillis, double open) {
            double price = grid.roundDownToTick(open * sellSlippage);
            double quantity = qty;
            double proceeds = price * quantity;
            double commission = perTrade + proceeds * bpsFraction;
            double pnl = proceeds - commission - entryCost;
            cash += proceeds - commission;
            qty = 0;
            entryCost = 0;
            commissions += commission;
            roundTrips++;
            if (pnl > 0) {
                winners++;
                grossProfit += pnl;
            } else if (pnl < 0) {
                grossLoss -= pnl;
            }
            fills.record(bar, timeMillis, Side.SELL, price, quantity, commission, pnl);
        }
    }
}
