package io.ztrade.marketdata;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.funqy.Funq;
import io.quarkus.funqy.knative.events.CloudEvent;
import io.ztrade.events.EventSources;
import io.ztrade.function.IdempotentJobs;

/**
 * The Knative Service's one exported function. It takes {@code marketdata.fetch.requested} and the
 * PingSource event {@code dev.knative.sources.ping} whose data is the same request (see ADR 0007),
 * and runs the fetch at most once per event.
 */
public class MarketDataFunction {

    private final MarketDataService fetcher;
    private final IdempotentJobs jobs;

    public MarketDataFunction(MarketDataService fetcher, IdempotentJobs jobs) {
        this.fetcher = fetcher;
        this.jobs = jobs;
    }

    @Funq("market-data")
    public CloudEvent<JsonNode> fetch(CloudEvent<JsonNode> event) {
        return jobs.run(event, EventSources.MARKETDATA_FUNCTION, jobId -> fetcher.fetch(event.data(), event.source(), event.id()));
    }
}
