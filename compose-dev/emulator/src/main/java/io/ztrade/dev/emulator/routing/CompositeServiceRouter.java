package io.ztrade.dev.emulator.routing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Fixed addresses first (they override), then the serving emulation. */
public final class CompositeServiceRouter implements ServiceRouter {

    private final StaticServiceRouter fixed;
    private final ServiceRouter fallback;

    public CompositeServiceRouter(StaticServiceRouter fixed, ServiceRouter fallback) {
        this.fixed = fixed;
        this.fallback = fallback;
    }

    @Override
    public Lease acquire(String service, Duration timeout) throws InterruptedException {
        if (fixed.urlOf(service).isPresent()) {
            return fixed.acquire(service, timeout);
        }
        return fallback.acquire(service, timeout);
    }

    @Override
    public Optional<URI> urlOf(String name) {
        return fixed.urlOf(name).or(() -> fallback.urlOf(name));
    }

    @Override
    public List<ServiceView> status() {
        List<ServiceView> out = new ArrayList<>(fixed.status());
        for (ServiceView v : fallback.status()) {
            if (fixed.urlOf(v.name()).isEmpty()) {
                out.add(v);
            }
        }
        return out;
    }

    @Override
    public void close() {
        fallback.close();
        fixed.close();
    }
}
