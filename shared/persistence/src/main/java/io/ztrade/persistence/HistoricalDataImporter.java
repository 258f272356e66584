package io.ztrade.persistence;

import io.quarkus.runtime.StartupEvent;
import io.ztrade.historical.HistoricalDataset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the shipped historical data ({@link HistoricalDataset}) into {@code market_bar}. Idempotent:
 * bars already stored are left as they are, so it can run on every start.
 */
@ApplicationScoped
public class HistoricalDataImporter {

    private static final Logger LOG = Logger.getLogger(HistoricalDataImporter.class);

    private final MarketBarRepository bars;
    private final boolean importOnStart;

    public HistoricalDataImporter(
            MarketBarRepository bars,
            @ConfigProperty(name = "ztrade.historical-data.import-on-start", defaultValue = "false") boolean importOnStart) {
        this.bars = bars;
        this.importOnStart = importOnStart;
    }

    void onStart(@Observes StartupEvent event) {
        if (importOnStart) {
            Map<HistoricalDataset, Integer> added = importAll();
            LOG.infof("historical data imported: %s new bars", added);
        }
    }

    /** Imports every dataset; returns the bars newly stored per dataset. */
    public Map<HistoricalDataset, Integer> importAll() {
        Map<HistoricalDataset, Integer> added = new LinkedHashMap<>();
        for (HistoricalDataset d : HistoricalDataset.values()) {
            added.put(d, bars.upsert(d.instrument().symbol(), d.timeframe(), d.bars(), "ta4j-examples:" + d.name()));
        }
        return added;
    }
}
