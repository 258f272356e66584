package io.ztrade.domain.trading;

import io.ztrade.domain.backtest.Side;
import java.math.BigDecimal;

/** One side of a market maker's quote: price on the tick grid, quantity on the lot grid. */
public record Quote(Side side, BigDecimal price, BigDecimal quantity) {}
