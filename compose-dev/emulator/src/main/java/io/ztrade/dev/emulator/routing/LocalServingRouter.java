package io.ztrade.dev.emulator.routing;

import io.ztrade.dev.serving.LocalServing;
import io.ztrade.dev.serving.ServiceStatus;
import io.ztrade.dev.serving.ServingException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Knative Services and Deployments run as local processes by {@link LocalServing}. */
public final class LocalServingRouter implements ServiceRouter {

    private final LocalServing serving;

    public LocalServingRouter(LocalServing serving) {
        this.serving = serving;
    }

    @Override
    public Lease acquire(String service, Duration timeout) throws InterruptedException {
        final io.ztrade.dev.serving.Lease lease;
        try {
            lease = serving.acquire(service, timeout);
        } catch (ServingException e) {
            throw new UnavailableException("service '" + service + "': " + e.reason().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ') + ": " + e.getMessage(), e);
        }
        return new Lease() {
            @Override
            public URI url() {
                return lease.url();
            }

            @Override
            public void close() {
                lease.close();
            }
        };
    }

    @Override
    public Optional<URI> urlOf(String name) {
        return serving.urlOf(name);
    }

    @Override
    public List<ServiceView> status() {
        return serving.status().stream().map(LocalServingRouter::view).toList();
    }

    private static ServiceView view(ServiceStatus s) {
        return new ServiceView(s.name(), s.kind(), s.module(), s.urls().stream().map(URI::toString).toList(), s.readyReplicas(),
                s.startingReplicas(), s.minScale(), s.maxScale(), s.target(), s.containerConcurrency(),
                s.retention() == null ? null : s.retention().toString(), s.inFlight(), s.waiting(), s.coldStartsMillis(),
                s.lastColdStartMillis(), s.lastRequestAt(), s.aotCache(),
                s.replicaRssBytes().stream().map(b -> b < 0 ? -1L : Math.round(b / 1048576.0)).toList(), s.message());
    }

    @Override
    public void close() {
        serving.close();
    }
}
