package io.ztrade.dev.emulator.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** No services at all (manifests without Knative Services or Deployments). */
public final class NoServiceRouter implements ServiceRouter {

    @Override
    public Lease acquire(String service, Duration timeout) {
        throw new UnavailableException("service '" + service + "' is not declared in the manifests");
    }

    @Override
    public Optional<URI> urlOf(String name) {
        return Optional.empty();
    }

    @Override
    public List<ServiceView> status() {
        return List.of();
    }

    @Override
    public void close() {
    }
}
