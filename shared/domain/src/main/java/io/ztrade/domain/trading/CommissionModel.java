package io.ztrade.domain.trading;

import io.ztrade.domain.backtest.BacktestConfig;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The commission of one fill, in exact decimals, identical to the backtest's cost model
 * ({@link BacktestConfig}): {@code perTrade + price * quantity * bps / 10000}.
 *
 * @param perTrade fixed amount per fill, >= 0
 * @param bps      proportional part in basis points of notional, >= 0
 */
public record CommissionModel(BigDecimal perTrade, BigDecimal bps) {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    /** No commission. */
    public static final CommissionModel NONE = new CommissionModel(BigDecimal.ZERO, BigDecimal.ZERO);

    public CommissionModel {
        Objects.requireNonNull(perTrade, "perTrade");
        Objects.requireNonNull(bps, "bps");
        if (perTrade.signum() < 0) {
            throw new IllegalArgumentException("perTrade must be >= 0, was " + perTrade.toPlainString());
        }
        if (bps.signum() < 0 || bps.compareTo(TEN_THOUSAND) >= 0) {
            throw new IllegalArgumentException("bps must be in [0, 10000), was " + bps.toPlainString());
        }
    }

    /** The costs of a backtest config (its slippage is not a commission and is not included). */
    public static CommissionModel of(BacktestConfig config) {
        return new CommissionModel(BigDecimal.valueOf(config.commissionPerTrade()), BigDecimal.valueOf(config.commissionBps()));
    }

    /** perTrade + price * quantity * bps / 10000, exact. */
    public BigDecimal commission(BigDecimal price, BigDecimal quantity) {
        BigDecimal proportional = price.multiply(quantity).multiply(bps).movePointLeft(4);
        return perTrade.add(proportional);
    }
}
