package io.ztrade.domain.market;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A tradable instrument: prices move in multiples of {@code tickSize}, quantities in multiples of
 * {@code lotSize}.
 */
public record Instrument(String symbol, BigDecimal tickSize, BigDecimal lotSize, AssetClass assetClass) {

    public Instrument {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(assetClass, "assetClass");
        if (symbol.isBlank()) {
            throw new IllegalArgumentException("symbol must not be blank");
        }
        if (tickSize == null || tickSize.signum() <= 0) {
            throw new IllegalArgumentException("tickSize must be positive");
        }
        if (lotSize == null || lotSize.signum() <= 0) {
            throw new IllegalArgumentException("lotSize must be positive");
        }
    }

    /** Rounds a price (or any money amount) to the nearest tick, half up. */
    public BigDecimal roundToTick(double amount) {
        return roundToTick(BigDecimal.valueOf(amount));
    }

    /** Rounds a price (or any money amount) to the nearest tick, half up. */
    public BigDecimal roundToTick(BigDecimal amount) {
        BigDecimal ticks = amount.divide(tickSize, 0, RoundingMode.HALF_UP);
        return ticks.multiply(tickSize).setScale(tickSize.scale(), RoundingMode.UNNECESSARY);
    }

    /** Rounds a quantity down to whole lots. */
    public BigDecimal roundDownToLot(BigDecimal quantity) {
        BigDecimal lots = quantity.divide(lotSize, 0, RoundingMode.DOWN);
        return lots.multiply(lotSize).setScale(lotSize.scale(), RoundingMode.UNNECESSARY);
    }

    public boolean isOnTickGrid(BigDecimal price) {
        return price.remainder(tickSize).signum() == 0;
    }
}
