package io.ztrade.dev.emulator.routing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Services at fixed addresses: the containers of {@code docker-compose.yml}, or servers a test
 * started. Nothing is started or scaled.
 */
public final class StaticServiceRouter implements ServiceRouter {

    private final Map<String, URI> urls;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    public StaticServiceRouter(Map<String, URI> urls) {
        this.urls = new TreeMap<>(urls);
    }

    @Override
    public Lease acquire(String service, Duration timeout) {
        URI url = urls.get(service);
        if (url == null) {
            throw new UnavailableException("no address configured for service '" + service + "'");
        }
        AtomicInteger counter = inFlight.computeIfAbsent(service, k -> new AtomicInteger());
        counter.incrementAndGet();
        return new Lease() {
            private boolean closed;

            @Override
            public URI url() {
                return url;
            }

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    counter.decrementAndGet();
                }
            }
        };
    }

    @Override
    public Optional<URI> urlOf(String name) {
        return Optional.ofNullable(urls.get(name));
    }

    @Override
    public List<ServiceView> status() {
        List<ServiceView> out = new ArrayList<>();
        urls.forEach((name, url) -> out.add(new ServiceView(name, "Static", null, List.of(url.toString()), 1, 0, 1, 1, 0, 0, null,
                inFlight.getOrDefault(name, new AtomicInteger()).get(), 0, List.of(), null, null, false, List.of(), null)));
        return out;
    }

    @Override
    public void close() {
    }
}
