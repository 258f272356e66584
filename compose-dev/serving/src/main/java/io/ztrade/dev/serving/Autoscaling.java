package io.ztrade.dev.serving;

import java.time.Duration;
import java.util.Map;

/**
 * The autoscaling settings of one revision, read from the annotations on
 * {@code spec.template.metadata} and {@code spec.template.spec.containerConcurrency} with the
 * defaults of Knative's {@code config-autoscaler} (except the retention, see {@link ServingConfig}).
 *
 * @param minScale             replicas kept when idle ({@code autoscaling.knative.dev/min-scale}, default 0)
 * @param maxScale             most replicas ({@code autoscaling.knative.dev/max-scale}); 0 is unbounded
 * @param target               soft limit of in-flight requests per replica
 *                             ({@code autoscaling.knative.dev/target}; default containerConcurrency
 *                             when set, else 100)
 * @param containerConcurrency hard limit of in-flight requests per replica; 0 is unlimited
 * @param retention            idle time after which a replica above min-scale is stopped
 *                             ({@code autoscaling.knative.dev/scale-to-zero-pod-retention-period})
 */
record Autoscaling(int minScale, int maxScale, double target, int containerConcurrency, Duration retention) {

    static final String PREFIX = "autoscaling.knative.dev/";
    static final String MIN_SCALE = PREFIX + "min-scale";
    static final String MAX_SCALE = PREFIX + "max-scale";
    static final String TARGET = PREFIX + "target";
    static final String RETENTION = PREFIX + "scale-to-zero-pod-retention-period";
    /** {@code container-concurrency-target-default} of {@code config-autoscaler}. */
    static final double DEFAULT_TARGET = 100;

    Autoscaling {
        if (minScale < 0) {
            throw new IllegalArgumentException(MIN_SCALE + " must not be negative, was " + minScale);
        }
        if (maxScale < 0) {
            throw new IllegalArgumentException(MAX_SCALE + " must not be negative, was " + maxScale);
        }
        if (maxScale > 0 && minScale > maxScale) {
            throw new IllegalArgumentException(MIN_SCALE + " (" + minScale + ") must not exceed " + MAX_SCALE + " (" + maxScale + ")");
        }
        if (!(target > 0)) {
            throw new IllegalArgumentException(TARGET + " must be positive, was " + target);
        }
        if (containerConcurrency < 0) {
            throw new IllegalArgumentException("containerConcurrency must not be negative, was " + containerConcurrency);
        }
        if (retention.isNegative()) {
            throw new IllegalArgumentException(RETENTION + " must not be negative, was " + retention);
        }
    }

    /** A Deployment: exactly {@code replicas}, always on, no concurrency limit. */
    static Autoscaling fixed(int replicas) {
        return new Autoscaling(replicas, replicas, DEFAULT_TARGET, 0, Duration.ZERO);
    }

    /**
     * Reads a revision template's annotations. The current names ({@code min-scale}) and the older
     * camel-case ones ({@code minScale}) are both understood.
     *
     * @throws IllegalArgumentException naming the annotation whose value is not valid
     */
    static Autoscaling of(Map<String, String> annotations, Long containerConcurrency, Duration defaultRetention) {
        Map<String, String> a = annotations == null ? Map.of() : annotations;
        int cc = containerConcurrency == null ? 0 : Math.toIntExact(containerConcurrency);
        int min = integer(a, MIN_SCALE, PREFIX + "minScale", 0);
        int max = integer(a, MAX_SCALE, PREFIX + "maxScale", 0);
        String targetText = value(a, TARGET, null);
        double target;
        if (targetText == null) {
            target = cc > 0 ? cc : DEFAULT_TARGET;
        } else {
            try {
                target = Double.parseDouble(targetText.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(TARGET + ": not a number: '" + targetText + "'");
            }
        }
        String retentionText = value(a, RETENTION, null);
        Duration retention;
        try {
            retention = retentionText == null ? defaultRetention : Durations.parse(retentionText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(RETENTION + ": " + e.getMessage());
        }
        return new Autoscaling(min, max, target, cc, retention);
    }

    /**
     * Replicas wanted for {@code demand} requests (in flight plus waiting): enough that none exceeds
     * the soft target, and enough slots under the hard limit; within [min-scale, max-scale].
     */
    int desiredReplicas(int demand) {
        long wanted = demand <= 0 ? 0 : (long) Math.ceil(demand / target);
        if (containerConcurrency > 0) {
            wanted = Math.max(wanted, (demand + containerConcurrency - 1L) / containerConcurrency);
        }
        wanted = Math.max(wanted, minScale);
        if (maxScale > 0) {
            wanted = Math.min(wanted, maxScale);
        }
        return (int) Math.min(wanted, Integer.MAX_VALUE);
    }

    private static int integer(Map<String, String> a, String name, String legacyName, int dflt) {
        String v = value(a, name, a.get(legacyName));
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not an integer: '" + v + "'");
        }
    }

    private static String value(Map<String, String> a, String name, String dflt) {
        String v = a.get(name);
        return v == null ? dflt : v;
    }
}
