package io.ztrade.sentiment;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.funqy.Funq;
import io.quarkus.funqy.knative.events.CloudEvent;
import io.ztrade.events.EventSources;
import io.ztrade.function.IdempotentJobs;

/**
 * The Knative Service's one exported function: {@code sentiment.fetch.requested}, or a PingSource's
 * ping carrying that request as data (ADR 0007); at most one run per event.
 */
public class SentimentFunction {

    private final SentimentService service;
    private final IdempotentJobs jobs;

    public SentimentFunction(SentimentService service, IdempotentJobs jobs) {
        this.service = service;
        this.jobs = jobs;
    }

    @Funq("sentiment")
    public CloudEvent<JsonNode> score(CloudEvent<JsonNode> event) {
        return jobs.run(event, EventSources.SENTIMENT_FUNCTION, jobId -> service.run(event.data(), event.source(), event.id()));
    }
}
