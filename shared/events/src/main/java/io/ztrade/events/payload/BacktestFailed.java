package io.ztrade.events.payload;

/**
 * Data of {@code io.ztrade.backtest.failed}: the request was well-formed but could not run.
 *
 * @param request the request
 * @param code    machine-readable reason: {@code UNKNOWN_SYMBOL}, {@code NO_BARS}, {@code TOO_FEW_BARS}
 * @param reason  a sentence for people
 */
public record BacktestFailed(BacktestRequest request, String code, String reason) {

    public static final String UNKNOWN_SYMBOL = "UNKNOWN_SYMBOL";
    public static final String NO_BARS = "NO_BARS";
    public static final String TOO_FEW_BARS = "TOO_FEW_BARS";
}
