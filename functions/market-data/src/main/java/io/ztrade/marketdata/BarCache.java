package io.ztrade.marketdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.ztrade.events.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The newest bars per symbol and timeframe: PostgreSQL ({@code market_bar}) is the truth, Redis key
 * {@code ztrade:bars:{symbol}:{timeframe}} a cache of its newest {@code cacheBars} rows as JSON. A
 * Redis miss or outage falls back to PostgreSQL.
 */
@ApplicationScoped
public class BarCache {

    private static final Logger LOG = Logger.getLogger(BarCache.class);

    /** One cached bar: open time and exact OHLCV as stored. */
    @RegisterForReflection
    public record CachedBar(Instant t, BigDecimal o, BigDecimal h, BigDecimal l, BigDecimal c, BigDecimal v) {}

    /** The value of a {@code ztrade:bars:*} key: bars oldest first, the newest last. */
    @RegisterForReflection
    public record CachedBars(String symbol, String timeframe, List<CachedBar> bars) {}

    private final ValueCommands<String, String> values;
    private final MarketDataConfig config;

    public BarCache(RedisDataSource redis, MarketDataConfig config) {
        this.values = redis.value(String.class);
        this.config = config;
    }

    public static String key(String symbol, String timeframe) {
        return "ztrade:bars:" + symbol + ":" + timeframe;
    }

    /** Reads the newest bars from PostgreSQL and writes them to Redis; returns what was cached. */
    public CachedBars refresh(String symbol, String timeframe) {
        CachedBars latest = fromDatabase(symbol, timeframe);
        try {
            values.set(key(symbol, timeframe), EventCodec.mapper().writeValueAsString(latest));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode cached bars", e);
        }
        return latest;
    }

    /** The newest bars: from Redis, or from PostgreSQL when Redis misses or is down. */
    public CachedBars read(String symbol, String timeframe) {
        try {
            String json = values.get(key(symbol, timeframe));
            if (json != null) {
                return EventCodec.mapper().readValue(json, CachedBars.class);
            }
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.warnf("bar cache unavailable (%s), reading PostgreSQL", e.toString());
        }
        return fromDatabase(symbol, timeframe);
    }

    /** The newest {@code cacheBars} stored bars, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CachedBars fromDatabase(String symbol, String timeframe) {
        List<CachedBar> bars = new ArrayList<>();
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "select bar_time, open, high, low, close, volume from market_bar where symbol = ? and timeframe = ?"
                            + " order by bar_time desc limit ?")) {
                ps.setString(1, symbol);
                ps.setString(2, timeframe);
                ps.setInt(3, config.cacheBars());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        bars.add(new CachedBar(rs.getTimestamp(1).toInstant(), plain(rs.getBigDecimal(2)),
                                plain(rs.getBigDecimal(3)), plain(rs.getBigDecimal(4)),
                                plain(rs.getBigDecimal(5)), plain(rs.getBigDecimal(6))));
                    }
                }
            }
        });
        Collections.reverse(bars);
        return new CachedBars(symbol, timeframe, List.copyOf(bars));
    }

    /** Without trailing zeros, never in exponent form (the value reads back from JSON as it was). */
    private static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** The newest bar, if any. */
    public static Optional<CachedBar> newest(CachedBars bars) {
        return bars.bars().isEmpty() ? Optional.empty() : Optional.of(bars.bars().get(bars.bars().size() - 1));
    }
}
