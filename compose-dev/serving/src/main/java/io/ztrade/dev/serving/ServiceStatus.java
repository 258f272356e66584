package io.ztrade.dev.serving;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one workload, for the status page and {@code /api/services}.
 *
 * @param name                 the Knative Service or Deployment name
 * @param kind                 {@link #SERVICE} or {@link #DEPLOYMENT}
 * @param module               the Maven module whose artifact runs, e.g. {@code functions/backtest}
 * @param urls                 base URLs of the ready replicas
 * @param readyReplicas        replicas that answered their readiness probe
 * @param startingReplicas     replicas started but not ready yet
 * @param minScale             replicas kept even when idle
 * @param maxScale             most replicas; 0 means unbounded
 * @param target               soft limit: in-flight requests per replica above which it scales out
 * @param containerConcurrency hard limit of in-flight requests per replica; 0 means unlimited
 * @param retention            how long an idle replica lingers before it is stopped
 * @param inFlight             requests holding a lease now
 * @param waiting              requests blocked in {@link LocalServing#acquire} (scaling from zero,
 *                             or every replica at its hard limit)
 * @param coldStartsMillis     recent cold starts (process start to ready), oldest first, at most
 *                             {@link #RECENT_COLD_STARTS}
 * @param lastColdStartMillis  the latest cold start, {@code null} before the first
 * @param lastRequestAt        when the latest lease was handed out, {@code null} before the first
 * @param aotCache             replicas start with the JDK AOT cache built for the artifact
 * @param replicaRssBytes      resident set size of each replica that is starting or ready, in bytes
 *                             (-1 where it cannot be read: not Linux)
 * @param message              why the workload is not running, or its latest failure; {@code null}
 *                             when all is well
 */
public record ServiceStatus(
        String name,
        String kind,
        String module,
        List<URI> urls,
        int readyReplicas,
        int startingReplicas,
        int minScale,
        int maxScale,
        double target,
        int containerConcurrency,
        Duration retention,
        int inFlight,
        int waiting,
        List<Long> coldStartsMillis,
        Long lastColdStartMillis,
        Instant lastRequestAt,
        boolean aotCache,
        List<Long> replicaRssBytes,
        String message) {

    /** {@code kind} of a Knative Service ({@code serving.knative.dev/v1}). */
    public static final String SERVICE = "Service";
    /** {@code kind} of a plain {@code apps/v1} Deployment. */
    public static final String DEPLOYMENT = "Deployment";
    /** How many cold starts {@link #coldStartsMillis} keeps. */
    public static final int RECENT_COLD_STARTS = 20;
}
