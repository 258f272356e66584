package io.ztrade.domain.trading;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A market maker's quoting settings.
 *
 * @param spread         full bid-ask width as a fraction of the mid (0.002 quotes 0.1% either side), in (0, 1)
 * @param size           quantity quoted on each side, > 0
 * @param inventoryLimit largest long or short inventory, > 0; the side that would pass it is not quoted
 */
public record MarketMakerSettings(BigDecimal spread, BigDecimal size, BigDecimal inventoryLimit) {

    public MarketMakerSettings {
        Objects.requireNonNull(spread, "spread");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(inventoryLimit, "inventoryLimit");
    }
}
