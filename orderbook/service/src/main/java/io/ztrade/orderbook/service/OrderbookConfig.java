package io.ztrade.orderbook.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.ztrade.orderbook.engine.SelfTradePrevention;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Configuration of the order book service, {@code ztrade.orderbook.*}. */
@ConfigMapping(prefix = "ztrade.orderbook")
public interface OrderbookConfig {

    /**
     * Bearer token the write endpoints require (env {@code ZTRADE_ORDERBOOK_TOKEN}). Required; never
     * logged.
     */
    String token();

    /** The traded instruments by symbol: {@code ztrade.orderbook.instruments.<symbol>.*}. */
    Map<String, Instrument> instruments();

    /** What a book does when an order would trade with a resting order of the same account. */
    @WithDefault("CANCEL_RESTING")
    SelfTradePrevention selfTradePrevention();

    /** How many recently used clientOrderIds each book remembers (besides those of resting orders). */
    @WithDefault("100000")
    int clientOrderIdWindow();

    /** How long a REST call waits for its command's outcome before answering 504. */
    @WithDefault("10s")
    Duration requestTimeout();

    /**
     * The host other replicas reach this one's REST API at (env {@code ZTRADE_ORDERBOOK_ADVERTISED_HOST};
     * the pod IP in the cluster). With the HTTP port it is the address written to
     * {@code orderbook_member}, where a replica that does not own a book finds its owner.
     */
    @WithDefault("localhost")
    String advertisedHost();

    /** Deepest book a {@code GET /api/v1/books/{symbol}?depth=N} may ask for. */
    @WithDefault("1000")
    int maxDepth();

    /** Kafka. */
    Kafka kafka();

    /** Snapshots in PostgreSQL. */
    Snapshot snapshot();

    /** Trading rules of one instrument. */
    interface Instrument {

        /** Price increment, e.g. {@code 0.01}. */
        BigDecimal tickSize();

        /** Quantity increment, e.g. {@code 1} (shares) or {@code 0.0001} (coins). */
        BigDecimal lotSize();

        /** Smallest order quantity (default: one lot). */
        Optional<BigDecimal> minQuantity();

        /** Largest order quantity. */
        BigDecimal maxQuantity();

        /** Centre of the accepted price band, e.g. the last close. */
        BigDecimal referencePrice();

        /** Half-width of the price band as a fraction of the reference price: {@code 0.5} accepts +-50%. */
        @WithDefault("0.5")
        BigDecimal band();
    }

    /** Kafka topics and clients. */
    interface Kafka {

        /** Bootstrap servers (env {@code KAFKA_BOOTSTRAP_SERVERS}). */
        String bootstrapServers();

        /** Commands in: CloudEvents {@code io.ztrade.order.requested}, key = symbol. */
        @WithDefault("ztrade.orders")
        String ordersTopic();

        /** Events out: {@code io.ztrade.order.accepted/filled/rejected/cancelled}. */
        @WithDefault("ztrade.executions")
        String executionsTopic();

        /** Consumer group of all replicas; Kafka gives each partition (and its books) to one of them. */
        @WithDefault("ztrade-orderbook")
        String groupId();

        /** This replica's client id (default: {@code orderbook-} + host name). */
        Optional<String> clientId();

        /** Partitions of both topics when the service creates them. */
        @WithDefault("3")
        int topicPartitions();

        /** Create missing topics at start. */
        @WithDefault("true")
        boolean createTopics();

        /** Longest wait of one poll when nothing arrives. */
        @WithDefault("100ms")
        Duration pollTimeout();

        /** How often offsets whose events are published are committed. */
        @WithDefault("1s")
        Duration commitInterval();

        /** How long a replica that stopped answering keeps its partitions. */
        @WithDefault("10s")
        Duration sessionTimeout();

        /** Extra Kafka client properties (security, tuning), e.g. {@code ...properties."security.protocol"=SSL}. */
        Map<String, String> properties();
    }

    /** Snapshots. */
    interface Snapshot {

        /** A changed partition is snapshotted at least this often. */
        @WithDefault("30s")
        Duration interval();

        /** ... and after this many records. */
        @WithDefault("50000")
        long everyRecords();

        /** Snapshots kept per partition. */
        @WithDefault("3")
        int keep();
    }
}
