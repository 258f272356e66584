package io.ztrade.dev.emulator.support;

import io.ztrade.infra.PostgresResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link FetchersPlatform} for the trading loop's end-to-end test, on a database of its own: the
 * risk rules look at every agent's open positions and capital, so agents and positions other tests
 * of the run left in the shared database would change what the test's agent may do. The orderbook
 * keeps its configured bands (the test writes its own BTC-USD bars around 60,000, inside them).
 */
public class TradingPlatform extends FetchersPlatform {

    /** The test's own database on the JVM's PostgreSQL. */
    public static final String DATABASE = "ztrade_trading_e2e";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> all = new HashMap<>(super.getConfigOverrides());
        all.put("ztrade.orderbook.centre-bands", "false");
        return all;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        List<TestResourceEntry> all = new ArrayList<>();
        for (TestResourceEntry e : super.testResources()) {
            all.add(e.getClazz() == PostgresResource.class
                    ? new TestResourceEntry(PostgresResource.class, Map.of(PostgresResource.DATABASE, DATABASE))
                    : e);
        }
        return all;
    }
}
