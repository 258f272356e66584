package io.ztrade.events.payload;

import java.util.List;

/**
 * Data of {@code io.ztrade.trading.tick} (a PingSource's {@code data}).
 *
 * @param agents agent ids to run; empty or absent means every due, active agent
 */
public record TradingTick(List<String> agents) {
    public TradingTick {
        agents = agents == null ? List.of() : List.copyOf(agents);
    }
}
