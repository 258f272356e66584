package io.ztrade.dev.emulator.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.ztrade.infra.RedisResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link EndToEndPlatform} with Redis as well: the fetchers cache what they fetch there, and the
 * platform hands {@code ztrade.redis.hosts} to the processes it starts, as {@code ./ztrade up} does.
 */
public class FetchersPlatform extends EndToEndPlatform {

    /** A real Redis whose address the platform passes on to its functions. */
    public static class Redis implements QuarkusTestResourceLifecycleManager {
        private final RedisResource redis = new RedisResource();

        @Override
        public Map<String, String> start() {
            String hosts = redis.start().get("quarkus.redis.hosts");
            return Map.of("quarkus.redis.hosts", hosts, "ztrade.redis.hosts", hosts);
        }

        @Override
        public void stop() {
            redis.stop();
        }
    }

    @Override
    public List<TestResourceEntry> testResources() {
        List<TestResourceEntry> all = new ArrayList<>(super.testResources());
        all.add(new TestResourceEntry(Redis.class));
        return all;
    }
}
