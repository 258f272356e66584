package io.ztrade.dev.emulator.delivery;

import io.cloudevents.CloudEvent;

/**
 * What one attempt gave.
 *
 * @param url        where it went (the resolved address)
 * @param statusCode the HTTP status, or {@code null} without a response
 * @param body       the response body (empty when none)
 * @param latencyMs  from request start to response or failure
 * @param error      why there was no response, else {@code null}
 * @param reply      the CloudEvent in a {@code 200} response, else {@code null}
 * @param replyError why a {@code 200} response's CloudEvent could not be read, else {@code null}
 * @param activationMs of {@code latencyMs}, the time spent waiting for a ready replica of a
 *                     Knative Service (a scale from zero); 0 for other destinations
 */
public record AttemptResult(String url, Integer statusCode, byte[] body, double latencyMs, String error, CloudEvent reply,
        String replyError, double activationMs) {

    public AttemptResult(String url, Integer statusCode, byte[] body, double latencyMs, String error, CloudEvent reply, String replyError) {
        this(url, statusCode, body, latencyMs, error, reply, replyError, 0);
    }

    static AttemptResult failure(String url, double latencyMs, String error) {
        return new AttemptResult(url, null, new byte[0], latencyMs, error, null, null);
    }

    AttemptResult withActivation(double millis) {
        return new AttemptResult(url, statusCode, body, latencyMs, error, reply, replyError, millis);
    }

    /** What the response means for the sender. */
    public ResponseClass classify() {
        return statusCode == null ? ResponseClass.RETRY : ResponseClass.of(statusCode);
    }
}
