package io.ztrade.dev.serving;

/**
 * One request's hold on a ready replica, from {@link LocalServing#acquire}: it counts as in flight on
 * that replica until {@link #close()}. Send the request to {@link #url()}, then close the lease
 * whatever the outcome.
 */
public interface Lease extends AutoCloseable {

    /** The replica's base URL, e.g. {@code http://localhost:41234}. */
    java.net.URI url();

    /** The request has finished: in-flight -1 on the replica. Idempotent. */
    @Override
    void close();
}
