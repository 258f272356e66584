package io.ztrade.backtest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** Settings of the backtest function. */
@ConfigMapping(prefix = "ztrade.backtest")
public interface BacktestConfigMapping {

    /** Annual risk-free rate for Sharpe and Sortino when a request names none (0.02 is 2%). */
    @WithDefault("0.02")
    BigDecimal riskFreeRate();
}
