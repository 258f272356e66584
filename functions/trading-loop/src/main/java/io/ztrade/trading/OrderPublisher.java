package io.ztrade.trading;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.ztrade.events.EventCodec;
import io.ztrade.events.EventSources;
import io.ztrade.events.EventTypes;
import io.ztrade.events.trace.EventTrace;
import io.ztrade.events.payload.OrderRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code io.ztrade.order.requested} to Kafka {@code ztrade.orders}, key = symbol (the order book's
 * per-symbol order), CloudEvents binary mode. Idempotent producer, {@code acks=all}; a send returns
 * once every in-sync replica has the record. The event id is the client order id (with the command
 * for a cancel), so a resend is the same event.
 */
@ApplicationScoped
public class OrderPublisher {

    private static final URI SOURCE = URI.create(EventSources.TRADING_LOOP_FUNCTION);

    private final KafkaProducer<String, byte[]> producer;
    private final TradingConfig config;

    public OrderPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, TradingConfig config) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "ztrade-trading-loop");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.config = config;
    }

    /** The CloudEvent of one order command. */
    public static CloudEvent event(OrderRequest order) {
        String id = OrderRequest.PLACE.equals(order.command())
                ? order.clientOrderId()
                : order.command().toLowerCase() + ":" + (order.orderId() != null ? order.orderId() : order.clientOrderId());
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(SOURCE)
                .withType(EventTypes.ORDER_REQUESTED)
                .withSubject(order.symbol())
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(EventCodec.encode(order))
                .build();
    }

    /** Sends and waits for the acknowledgement. @throws IllegalStateException when Kafka does not take it */
    public void send(OrderRequest order) {
        order.validate();
        // in the trace of the delivery that made the order (ADR 0020): the orderbook carries it on to the executions
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.<String>createWriter(config.ordersTopic(), order.symbol())
                .writeBinary(EventTrace.startedIn(event(order), Context.current()));
        try {
            producer.send(record).get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending order " + event(order).getId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take order " + event(order).getId() + ": " + e.getMessage(), e);
        }
    }

    void close(@Observes ShutdownEvent event) {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
