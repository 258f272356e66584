package io.ztrade.domain.trading;

import io.ztrade.domain.market.Instrument;
import java.math.BigDecimal;

/** Quotes both sides around a mid price. */
public final class MarketMakerQuotes {

    private MarketMakerQuotes() {}

    /**
     * bid = mid * (1 - spread / 2) rounded down to the tick, ask = mid * (1 + spread / 2) rounded up
     * (at least one tick apart); bid size = min(size, inventoryLimit - inventory), ask size =
     * min(size, inventoryLimit + inventory), rounded down to the lot; a side whose size is 0 is omitted.
     */
    public static Quotes quote(BigDecimal mid, BigDecimal spread, BigDecimal size, BigDecimal inventory,
            BigDecimal inventoryLimit, Instrument instrument) {
        throw new UnsupportedOperationException("not yet");
    }
}
