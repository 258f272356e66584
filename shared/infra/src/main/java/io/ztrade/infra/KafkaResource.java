package io.ztrade.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Quarkus test resource: a real Kafka broker (in-process KRaft), one per test JVM, shared by all
 * Quarkus applications the tests start. Provides {@code kafka.bootstrap.servers}.
 *
 * <pre>{@code
 * @QuarkusTest
 * @QuarkusTestResource(value = KafkaResource.class,
 *         initArgs = @ResourceArg(name = KafkaResource.TOPICS, value = "ztrade.orders:3,ztrade.executions:3"))
 * class OrderFlowTest { ... }
 * }</pre>
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    /** Init argument: comma-separated topics to create, each {@code name} or {@code name:partitions}. */
    public static final String TOPICS = "topics";

    private List<String> topics = List.of();

    @Override
    public void init(Map<String, String> initArgs) {
        String value = initArgs.getOrDefault(TOPICS, "");
        topics = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public Map<String, String> start() {
        return JvmShared.call("kafka", new Class<?>[] {List.class}, topics);
    }

    /** The broker serves the whole test JVM and stops with it. */
    @Override
    public void stop() {
    }
}
