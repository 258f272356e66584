package io.ztrade.infra;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lowers the servers' own log categories to WARNING, so that a test log shows the application and
 * not hundreds of broker start-up lines. Only categories nobody configured are touched: a level set
 * before (for example {@code quarkus.log.category."kafka".level=DEBUG}) wins. Works through
 * {@code java.util.logging}, which is where SLF4J ends up in Quarkus (JBoss LogManager).
 */
final class QuietLogging {

    /** JUL holds loggers weakly; a level set on a collected logger would be lost. */
    private static final List<Logger> CONFIGURED = new CopyOnWriteArrayList<>();

    static final List<String> KAFKA_BROKER = List.of(
            "kafka",
            "state.change.logger",
            "org.apache.kafka.server",
            "org.apache.kafka.controller",
            "org.apache.kafka.raft",
            "org.apache.kafka.metadata",
            "org.apache.kafka.image",
            "org.apache.kafka.snapshot",
            "org.apache.kafka.storage",
            "org.apache.kafka.coordinator",
            "org.apache.kafka.queue",
            "org.apache.kafka.network",
            "org.apache.kafka.security",
            "org.apache.kafka.common.test",
            "org.apache.kafka.common.network",
            // Every broker, client and admin logs its whole configuration (~150 lines) at INFO.
            "org.apache.kafka.common.config.AbstractConfig");

    static final List<String> POSTGRES = List.of("io.zonky.test.db.postgres");

    private QuietLogging() {
    }

    static void quiet(List<String> categories) {
        for (String category : categories) {
            Logger logger = Logger.getLogger(category);
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARNING);
                CONFIGURED.add(logger);
            }
        }
    }
}
