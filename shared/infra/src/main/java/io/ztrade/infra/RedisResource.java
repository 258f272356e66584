package io.ztrade.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource: a real Redis server, one per test JVM, shared by all Quarkus
 * applications the tests start. Provides {@code quarkus.redis.hosts}.
 *
 * <pre>{@code
 * @QuarkusTest
 * @QuarkusTestResource(RedisResource.class)
 * class AgentLockTest { ... }
 * }</pre>
 */
public class RedisResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return JvmShared.call("redis", new Class<?>[0]);
    }

    /** The server serves the whole test JVM and stops with it. */
    @Override
    public void stop() {
    }
}
