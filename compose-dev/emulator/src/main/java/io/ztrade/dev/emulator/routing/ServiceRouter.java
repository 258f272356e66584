package io.ztrade.dev.emulator.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where the emulator sends what a Trigger addresses as a Knative Service: local processes scaled
 * by the serving emulation, or fixed URLs (containers of a compose file, or servers of a test).
 */
public interface ServiceRouter extends AutoCloseable {

    /**
     * A replica of {@code service} ready to take one request, waiting while it scales from zero
     * (as Knative's activator holds the request).
     *
     * @throws UnavailableException when no replica became ready within {@code timeout}, or the
     *                              service is unknown
     */
    Lease acquire(String service, Duration timeout) throws InterruptedException;

    /** The address of {@code name} (a Knative Service or an always-on Deployment), if it has one. */
    Optional<URI> urlOf(String name);

    /** What runs, for the status page. */
    List<ServiceView> status();

    @Override
    void close();

    /** One request's hold on a replica; {@link #close()} when the response is in. */
    interface Lease extends AutoCloseable {
        URI url();

        @Override
        void close();
    }

    /** The service cannot take the request now. */
    final class UnavailableException extends RuntimeException {
        public UnavailableException(String message) {
            super(message);
        }

        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
