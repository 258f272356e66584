package io.ztrade.backtest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** The packaged artifact runs in the prod profile; this makes it load the shipped bars as the tests expect. */
public class HistoricalDataOnStart implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return Map.of("ztrade.historical-data.import-on-start", "true");
    }

    @Override
    public void stop() {}
}
