package io.ztrade.dev.emulator.support;

import io.ztrade.infra.PostgresResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link BasicPlatform} on a database of its own ({@value #DATABASE}), so that the trading
 * dashboard shows only the agents its test books (and its screenshot only those).
 */
public class DashboardPlatform extends BasicPlatform {

    /** The database of this profile. */
    public static final String DATABASE = "trading_dashboard";

    @Override
    public List<TestResourceEntry> testResources() {
        List<TestResourceEntry> out = new ArrayList<>();
        for (TestResourceEntry e : super.testResources()) {
            out.add(e.getClazz() == PostgresResource.class
                    ? new TestResourceEntry(PostgresResource.class, Map.of(PostgresResource.DATABASE, DATABASE)) : e);
        }
        return out;
    }
}
