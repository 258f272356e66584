package io.ztrade.orderbook.service;

import io.ztrade.orderbook.service.kafka.OrderbookNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** Health of the sequencer: live while it runs, ready once every owned partition is recovered. */
public final class Health {

    private Health() {}

    /** {@code /q/health/live}: down when the sequencer stopped on an error (the pod is restarted). */
    @Liveness
    @ApplicationScoped
    public static class Live implements HealthCheck {

        @Inject
        OrderbookService service;

        @Override
        public HealthCheckResponse call() {
            OrderbookNode node = service.node();
            return HealthCheckResponse.named("orderbook-sequencer").status(node.alive())
                    .withData("failure", node.failure().map(Throwable::getMessage).orElse("none"))
                    .build();
        }
    }

    /** {@code /q/health/ready}: up only after the books of every owned partition are recovered. */
    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {

        @Inject
        OrderbookService service;

        @Override
        public HealthCheckResponse call() {
            OrderbookNode node = service.node();
            return HealthCheckResponse.named("orderbook-books").status(node.ready())
                    .withData("partitions", node.ownedPartitions().toString())
                    .build();
        }
    }
}
