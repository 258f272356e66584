package io.ztrade.dev.emulator.support;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link FetchersPlatform} for the trading loop's end-to-end test: the orderbook keeps its configured
 * bands (the test writes its own BTC-USD bars around 60,000, inside them), instead of bands centred
 * on whatever bars other tests of the run stored.
 */
public class TradingPlatform extends FetchersPlatform {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> all = new HashMap<>(super.getConfigOverrides());
        all.put("ztrade.orderbook.centre-bands", "false");
        return all;
    }
}
