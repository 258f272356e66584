package io.ztrade.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedRedisTest {

    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() throws Exception {
        await(vertx.close());
    }

    @Test
    void storesAndReadsAValueWithARealClient() throws Exception {
        try (EmbeddedRedis redis = EmbeddedRedis.start()) {
            assertThat(redis.uri()).isEqualTo("redis://localhost:" + redis.port());
            roundTrip(redis);
        }
    }

    @Test
    void runsTheInstalledRedisServerWhenThereIsOneAndTheBundledBinaryOtherwise() {
        try (EmbeddedRedis redis = EmbeddedRedis.start()) {
            var installed = EmbeddedRedis.findOnPath("redis-server");
            if (installed.isPresent()) {
                assertThat(redis.executable()).isEqualTo(installed.get());
            } else {
                assertThat(redis.executable()).startsWith(Path.of(System.getProperty("java.io.tmpdir")));
            }
        }
    }

    @Test
    void theBundledBinaryServesWhetherOrNotRedisIsInstalled() throws Exception {
        try (EmbeddedRedis redis = EmbeddedRedis.startBundled()) {
            assertThat(redis.executable()).startsWith(Path.of(System.getProperty("java.io.tmpdir")));
            roundTrip(redis);
        }
    }

    @Test
    void keepsNothingOnDisk() throws Exception {
        try (EmbeddedRedis redis = EmbeddedRedis.start()) {
            Redis client = Redis.createClient(vertx, redis.uri());
            try {
                RedisAPI api = RedisAPI.api(client);
                assertThat(await(api.config(List.of("GET", "save"))).get("save").toString()).isEmpty();
                assertThat(await(api.config(List.of("GET", "appendonly"))).get("appendonly").toString()).isEqualTo("no");
            } finally {
                client.close();
            }
        }
    }

    @Test
    void closingStopsTheServerAndDeletesItsDirectory() {
        EmbeddedRedis redis = EmbeddedRedis.startBundled();
        int port = redis.port();
        Path work = redis.executable().getParent();
        assertThat(FreePorts.isListening(port)).isTrue();

        redis.close();

        assertThat(FreePorts.isListening(port)).isFalse();
        assertThat(work).doesNotExist();
    }

    private static void roundTrip(EmbeddedRedis redis) throws Exception {
        Redis client = Redis.createClient(vertx, redis.uri());
        try {
            RedisAPI api = RedisAPI.api(client);
            await(api.set(List.of("ztrade:lock:agent-7", "owner-1")));
            Response value = await(api.get("ztrade:lock:agent-7"));
            assertThat(value.toString()).isEqualTo("owner-1");
        } finally {
            client.close();
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
