package io.ztrade.dev.emulator.routing;

import java.time.Instant;
import java.util.List;

/**
 * A service as the status page and {@code GET /api/services} show it.
 *
 * @param name                 Knative Service or Deployment name
 * @param kind                 {@code Service} (Knative, scales), {@code Deployment} (always on) or
 *                             {@code Static} (a fixed address, nothing started here)
 * @param module               the Maven module whose artifact runs, when known
 * @param urls                 base URLs of the ready replicas
 * @param ready                ready replicas
 * @param starting             replicas starting
 * @param minScale             {@code autoscaling.knative.dev/min-scale}
 * @param maxScale             {@code autoscaling.knative.dev/max-scale} (0 = unbounded)
 * @param target               {@code autoscaling.knative.dev/target} (in-flight requests per replica)
 * @param containerConcurrency hard limit per replica (0 = unlimited)
 * @param retention            idle time before a replica stops (ISO-8601), when it scales to zero
 * @param inFlight             requests being served now
 * @param waiting              requests waiting for a replica (scale from zero, or all replicas full)
 * @param coldStartsMillis     recent cold starts (process start to ready), oldest first
 * @param lastColdStartMillis  the latest cold start, or {@code null}
 * @param lastRequestAt        when the latest request was handed to a replica, or {@code null}
 * @param aotCache             replicas start with the JDK AOT cache
 * @param rssMiB               resident set size of each starting or ready replica in MiB (-1 where it
 *                             cannot be read)
 * @param message              why it is not running, or its latest failure; {@code null} when all is well
 */
public record ServiceView(
        String name, String kind, String module, List<String> urls, int ready, int starting, int minScale, int maxScale,
        double target, int containerConcurrency, String retention, int inFlight, int waiting, List<Long> coldStartsMillis,
        Long lastColdStartMillis, Instant lastRequestAt, boolean aotCache, List<Long> rssMiB, String message) {}
