package io.ztrade.orderbook.service.core;

import java.util.List;

/**
 * Everything one command record produced: the events to publish, in order, and the result for a
 * caller waiting on it (the REST API).
 */
public record Outcome(List<Execution> executions, OrderResult result) {

    public Outcome {
        executions = List.copyOf(executions);
    }
}
