package io.ztrade.dev.emulator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Configuration of the local platform ({@code ztrade.*}). */
@ConfigMapping(prefix = "ztrade")
public interface EmulatorConfig {

    /** The repository: manifests are read from it, functions' artifacts run from it, data lives in its {@code .ztrade/}. */
    @WithDefault(".")
    Path root();

    /** Manifest folders, relative to {@link #root()} unless absolute. */
    @WithDefault("knative,eventing")
    List<String> manifests();

    /** Eventing (brokers, delivery, sources). */
    Eventing eventing();

    /** Serving (functions as local processes). */
    Serving serving();

    /** Services at fixed addresses instead of local processes, by name ({@code ztrade.services."backtest".url}). */
    Map<String, FixedService> services();

    /** The orderbook Deployment. */
    Orderbook orderbook();

    /** Infrastructure. */
    Infra infra();

    /** Eventing settings. */
    interface Eventing {
        /** Partitions of a broker topic when its Broker's ConfigMap names none. */
        @WithDefault("4")
        int topicPartitions();

        /** Replication factor of the topics the emulator creates (1 on a single local Kafka broker). */
        @WithDefault("1")
        short replicationFactor();

        /** Timeout of one delivery attempt when the delivery spec sets none. */
        @WithDefault("PT5M")
        Duration defaultTimeout();

        /** How long a delivery waits for a Knative Service to have a ready replica (scale from zero). */
        @WithDefault("PT2M")
        Duration activationTimeout();

        /** Loop guard: a reply more than this many replies deep is dropped. */
        @WithDefault("16")
        int maxHops();

        /** Events a broker delivers at once before it pauses reading its topic. */
        @WithDefault("256")
        int maxInFlight();

        /** On stop, how long deliveries in flight may finish (the rest is redelivered after the next start). */
        @WithDefault("PT2S")
        Duration drain();

        /** Events the event log keeps in memory. */
        @WithDefault("2000")
        int logCapacity();
    }

    /** Serving settings. */
    interface Serving {
        /** Run Knative Services and Deployments as local processes. */
        @WithDefault("true")
        boolean enabled();

        /** Idle time before a replica stops, when the Service's annotations set none. */
        @WithDefault("PT30S")
        Duration retention();

        /** Per-process log files; default {@code <root>/.ztrade/logs}. */
        Optional<Path> logDir();

        /**
         * Knative Services to run in Quarkus dev mode from their sources (hot reload), by name
         * ({@code ./ztrade up --dev backtest}).
         */
        Optional<List<String>> dev();
    }

    /** A service at a fixed address. */
    interface FixedService {
        /** Its base URL. */
        URI url();
    }

    /** Orderbook settings. */
    interface Orderbook {
        /** The local bearer token of the orderbook API; generated at start when unset. */
        Optional<String> token();

        /** The name of its Deployment in the manifests. */
        @WithDefault("orderbook")
        String name();
    }

    /** Infrastructure settings. */
    interface Infra {
        /**
         * Kafka and PostgreSQL are given ({@code kafka.bootstrap.servers}, {@code quarkus.datasource.*}),
         * as with docker-compose; otherwise the embedded ones start with the emulator.
         */
        @WithDefault("false")
        boolean external();

        /** Where the embedded servers keep their data; default {@code <root>/.ztrade/data}. */
        @WithName("data-dir")
        Optional<Path> dataDir();
    }
}
