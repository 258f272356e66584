package io.ztrade.orderbook.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.ztrade.orderbook.engine.InstrumentSpec;
import io.ztrade.orderbook.service.core.BookSettings;
import io.ztrade.orderbook.service.core.Instruments;
import io.ztrade.orderbook.service.kafka.JdbcSnapshotStore;
import io.ztrade.orderbook.service.kafka.NodeSettings;
import io.ztrade.orderbook.service.kafka.OrderbookNode;
import io.ztrade.orderbook.service.kafka.OwnerDirectory;
import io.quarkus.runtime.LaunchMode;
import org.eclipse.microprofile.config.ConfigProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Builds the {@link OrderbookNode} from configuration, starts it with the application and stops it gracefully. */
@ApplicationScoped
public class OrderbookService {

    @Inject
    OrderbookConfig config;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    private volatile OrderbookNode node;
    private volatile OwnerDirectory directory;
    private NodeSettings settings;
    private Instruments instruments;

    void onStart(@Observes StartupEvent event) {
        if (config.token().isBlank()) {
            throw new IllegalStateException("ztrade.orderbook.token (env ZTRADE_ORDERBOOK_TOKEN) must not be blank");
        }
        instruments = instruments(config);
        OrderbookConfig.Kafka kafka = config.kafka();
        NodeSettings settings = new NodeSettings(kafka.bootstrapServers(), kafka.ordersTopic(), kafka.executionsTopic(),
                kafka.groupId(), kafka.clientId().orElseGet(OrderbookService::defaultClientId), kafka.topicPartitions(),
                kafka.createTopics(), kafka.pollTimeout(), kafka.commitInterval(), config.snapshot().interval(),
                config.snapshot().everyRecords(), config.requestTimeout(), kafka.sessionTimeout(),
                new BookSettings(config.selfTradePrevention(), config.clientOrderIdWindow()), kafka.properties());
        this.settings = settings;
        directory = new OwnerDirectory(settings, dataSource, Duration.ofSeconds(1));
        directory.register(restUrl());
        node = new OrderbookNode(settings, instruments, new JdbcSnapshotStore(dataSource, config.snapshot().keep()), registry)
                .start();
    }

    /** Where other replicas reach this one: the advertised host and the HTTP port. */
    private URI restUrl() {
        String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        int port = ConfigProvider.getConfig().getOptionalValue(key, Integer.class).orElse(8080);
        return URI.create("http://" + config.advertisedHost() + ":" + port);
    }

    void onStop(@Observes ShutdownEvent event) {
        OrderbookNode n = node;
        if (n != null) {
            n.close();
        }
        OwnerDirectory d = directory;
        if (d != null) {
            try {
                d.deregister();
            } catch (RuntimeException e) {
                // PostgreSQL gone at shutdown: the row names a client no group member has, and is never used
            }
            d.close();
        }
    }

    /** Who owns which partition, and where the owners answer. */
    public OwnerDirectory directory() {
        OwnerDirectory d = directory;
        if (d == null) {
            throw new IllegalStateException("the order book has not started");
        }
        return d;
    }

    /** This replica's Kafka client id (its name in the consumer group). */
    public String clientId() {
        return settings.clientId();
    }

    /** How long a REST call waits for its command's outcome. */
    public Duration requestTimeout() {
        return config.requestTimeout();
    }

    /** The running node. */
    public OrderbookNode node() {
        OrderbookNode n = node;
        if (n == null) {
            throw new IllegalStateException("the order book has not started");
        }
        return n;
    }

    /** Whether {@code token} is the configured bearer token (compared in constant time). */
    public boolean acceptsToken(String token) {
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                config.token().getBytes(StandardCharsets.UTF_8));
    }

    /** The configured instruments. */
    public Instruments instruments() {
        return instruments;
    }

    /** Converts the configured decimals to ticks and lots; a value off the grid is a configuration error. */
    static Instruments instruments(OrderbookConfig config) {
        List<InstrumentSpec> specs = new ArrayList<>();
        for (Map.Entry<String, OrderbookConfig.Instrument> e : config.instruments().entrySet()) {
            String symbol = e.getKey();
            OrderbookConfig.Instrument i = e.getValue();
            String key = "ztrade.orderbook.instruments." + symbol + ".";
            long minLots = units(key + "min-quantity", i.minQuantity().orElse(i.lotSize()), i.lotSize());
            long maxLots = units(key + "max-quantity", i.maxQuantity(), i.lotSize());
            long reference = units(key + "reference-price", i.referencePrice(), i.tickSize());
            try {
                specs.add(InstrumentSpec.withBandFraction(symbol, i.tickSize(), i.lotSize(), minLots, maxLots, reference,
                        i.band()));
            } catch (IllegalArgumentException ex) {
                throw new IllegalStateException(key + "*: " + ex.getMessage(), ex);
            }
        }
        return Instruments.of(specs);
    }

    private static long units(String key, BigDecimal value, BigDecimal unit) {
        if (unit.signum() <= 0) {
            throw new IllegalStateException(key + ": the tick and lot size must be positive, was " + unit.toPlainString());
        }
        BigDecimal[] qr = value.divideAndRemainder(unit);
        if (qr[1].signum() != 0 || qr[0].signum() <= 0) {
            throw new IllegalStateException(key + " = " + value.toPlainString() + " must be a positive multiple of "
                    + unit.toPlainString());
        }
        return qr[0].longValueExact();
    }

    private static String defaultClientId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "local";
            }
        }
        return "orderbook-" + host;
    }
}
