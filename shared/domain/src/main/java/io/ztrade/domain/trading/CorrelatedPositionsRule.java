package io.ztrade.domain.trading;

/**
 * Rule {@code max-correlated-positions}: a BUY opening a new position is refused when
 * {@code maxCorrelatedPositions} open positions (of any agent, its own excluded) already correlate
 * with it: the Pearson correlation of close-to-close returns over the last
 * {@code correlationLookbackBars} closes the two have (aligned at their newest) is above
 * {@code correlationThreshold}. With fewer than 3 common closes, or a flat series, the correlation is
 * undefined and the position does not count. SELLs pass.
 */
public final class CorrelatedPositionsRule implements RiskRule {

    public static final String NAME = "max-correlated-positions";

    private final int max;
    private final double threshold;
    private final int lookback;

    public CorrelatedPositionsRule(int max, double threshold, int lookbackBars) {
        this.max = max;
        this.threshold = threshold;
        this.lookback = lookbackBars;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(RiskContext context, ProposedOrder order) {
        if (!order.isBuy()) {
            return RuleResult.pass(NAME, "a SELL opens nothing");
        }
        int correlated = 0;
        StringBuilder which = new StringBuilder();
        for (OpenPosition p : context.openPositions()) {
            if (p.quantity().signum() == 0 || OpenPositionsRule.isOwn(p, order)) {
                continue;
            }
            double rho = correlation(order.recentCloses(), p.recentCloses(), lookback);
            if (rho > threshold) {
                correlated++;
                which.append(which.isEmpty() ? "" : ", ").append(p.agentId()).append('/').append(p.symbol())
                        .append(' ').append(Fmt.num(rho));
            }
        }
        String numbers = correlated + " correlated above " + Fmt.num(threshold) + " (limit " + max + ")"
                + (which.isEmpty() ? "" : ": " + which);
        if (correlated + 1 > max) {
            return RuleResult.refuse(NAME, numbers + "; a new one would be one too many");
        }
        return RuleResult.pass(NAME, numbers);
    }

    /**
     * Pearson correlation of the simple returns of the last {@code lookback} closes of {@code a} and
     * {@code b}, aligned at their ends; NaN when fewer than 3 closes are common or one side does not
     * move.
     */
    public static double correlation(double[] a, double[] b, int lookback) {
        int n = Math.min(lookback, Math.min(a.length, b.length));
        if (n < 3) {
            return Double.NaN;
        }
        int offA = a.length - n;
        int offB = b.length - n;
        int m = n - 1;
        double[] ra = new double[m];
        double[] rb = new double[m];
        double meanA = 0;
        double meanB = 0;
        for (int k = 0; k < m; k++) {
            ra[k] = a[offA + k + 1] / a[offA + k] - 1;
            rb[k] = b[offB + k + 1] / b[offB + k] - 1;
            meanA += ra[k];
            meanB += rb[k];
        }
        meanA /= m;
        meanB /= m;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int k = 0; k < m; k++) {
            double da = ra[k] - meanA;
            double db = rb[k] - meanB;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        if (!(saa > 0 && sbb > 0)) {
            return Double.NaN;
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
