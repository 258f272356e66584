package io.ztrade.trading;

import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One lock per agent in Redis ({@code ztrade:lock:agent:{id}}): {@code SET key token NX PX ttl}, so that
 * two loops never run one agent, however many replicas; the lock expires, so a crashed replica holds
 * nothing for long. Released only by its holder (compare-and-delete in a Lua script).
 */
@ApplicationScoped
public class AgentLocks {

    private static final String RELEASE =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private final RedisDataSource redis;
    private final TradingConfig config;

    public AgentLocks(RedisDataSource redis, TradingConfig config) {
        this.redis = redis;
        this.config = config;
    }

    public static String key(String agentId) {
        return "ztrade:lock:agent:" + agentId;
    }

    /** The lock's token when taken, empty when another holder has it. */
    public Optional<String> tryLock(String agentId) {
        String token = UUID.randomUUID().toString();
        Response r = redis.execute("SET", key(agentId), token, "NX", "PX", Long.toString(config.lockTtl().toMillis()));
        return r != null && "OK".equals(r.toString()) ? Optional.of(token) : Optional.empty();
    }

    public void release(String agentId, String token) {
        redis.execute("EVAL", RELEASE, "1", key(agentId), token);
    }

    /** Unused holders' view, for tests: the current token, if any. */
    public Optional<String> holder(String agentId) {
        Response r = redis.execute("GET", key(agentId));
        return r == null ? Optional.empty() : Optional.of(r.toString());
    }

    static List<String> keys(List<String> agentIds) {
        return agentIds.stream().map(AgentLocks::key).toList();
    }
}
