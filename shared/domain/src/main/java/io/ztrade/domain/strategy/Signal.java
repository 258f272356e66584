package io.ztrade.domain.strategy;

/**
 * A strategy's decision at one bar's close.
 *
 * @param action       buy, sell or hold
 * @param sizeFraction share of available cash a BUY may commit, in (0, 1]; 0 for HOLD
 * @param score        the strategy's raw score, for reporting (NaN when it has none)
 * @param confidence   the confidence behind the score in [0, 1] (NaN when it has none)
 */
public record Signal(Action action, double sizeFraction, double score, double confidence) {

    public static final Signal HOLD = new Signal(Action.HOLD, 0, Double.NaN, Double.NaN);
    public static final Signal BUY = new Signal(Action.BUY, 1, Double.NaN, Double.NaN);
    public static final Signal SELL = new Signal(Action.SELL, 1, Double.NaN, Double.NaN);

    public Signal {
        if (action == null) {
            throw new IllegalArgumentException("action must not be null");
        }
        if (action == Action.HOLD ? sizeFraction != 0 : !(sizeFraction > 0 && sizeFraction <= 1)) {
            throw new IllegalArgumentException("sizeFraction out of range for " + action + ": " + sizeFraction);
        }
    }

    public boolean isBuy() {
        return action == Action.BUY;
    }

    public boolean isSell() {
        return action == Action.SELL;
    }
}
