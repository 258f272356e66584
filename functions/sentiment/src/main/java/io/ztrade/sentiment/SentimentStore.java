package io.ztrade.sentiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.ztrade.events.EventCodec;
import io.ztrade.events.payload.SentimentScored;
import io.ztrade.sentiment.core.Item;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * PostgreSQL ({@code sentiment_item}, idempotent on source + item id + symbol; {@code sentiment_score})
 * and the Redis cache of the latest score per symbol ({@code ztrade:sentiment:{symbol}}, the JSON of
 * {@code sentiment.scored}'s data). A Redis miss or outage on read falls back to PostgreSQL.
 */
@ApplicationScoped
public class SentimentStore {

    private static final Logger LOG = Logger.getLogger(SentimentStore.class);

    /** An item with its score. */
    public record ScoredItem(Item item, double score) {}

    private final ValueCommands<String, String> values;

    public SentimentStore(RedisDataSource redis) {
        this.values = redis.value(String.class);
    }

    public static String key(String symbol) {
        return "ztrade:sentiment:" + symbol;
    }

    /** Inserts the items not stored yet (batched); returns how many were new. Inside the job's transaction. */
    public int storeItems(List<ScoredItem> items, Instant fetchedAt) {
        int[] inserted = {0};
        Panache.getEntityManager().unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into sentiment_item (source, item_id, symbol, published_at,"
                    + " title, url, score, fetched_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (source, item_id, symbol) do nothing")) {
                for (ScoredItem s : items) {
                    Item i = s.item();
                    ps.setString(1, i.source());
                    ps.setString(2, i.id());
                    ps.setString(3, i.symbol());
                    ps.setTimestamp(4, Timestamp.from(i.published()));
                    ps.setString(5, i.title());
                    ps.setString(6, i.url());
                    ps.setDouble(7, s.score());
                    ps.setTimestamp(8, Timestamp.from(fetchedAt));
                    ps.addBatch();
                }
                for (int n : ps.executeBatch()) {
                    inserted[0] += Math.max(n, 0);
                }
            }
        });
        return inserted[0];
    }

    /** Stores one aggregated score (idempotent on symbol + asOf). */
    public void storeScore(SentimentScored s) {
        String breakdown = json(s.sources());
        Panache.getEntityManager().unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into sentiment_score (symbol, as_of, score, confidence, agreement,"
                    + " item_count, breakdown, missing_sources) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?)"
                    + " on conflict (symbol, as_of) do nothing")) {
                ps.setString(1, s.symbol());
                ps.setTimestamp(2, Timestamp.from(s.asOf()));
                ps.setDouble(3, s.score());
                ps.setDouble(4, s.confidence());
                ps.setDouble(5, s.agreement());
                ps.setInt(6, s.itemCount());
                ps.setString(7, breakdown);
                Array missing = c.createArrayOf("varchar", s.missingSources().toArray());
                ps.setArray(8, missing);
                ps.executeUpdate();
            }
        });
    }

    public void cache(SentimentScored s) {
        values.set(key(s.symbol()), json(s));
    }

    /** The latest score: Redis, else PostgreSQL. */
    public Optional<SentimentScored> latest(String symbol) {
        try {
            String json = values.get(key(symbol));
            if (json != null) {
                return Optional.of(EventCodec.mapper().readValue(json, SentimentScored.class));
            }
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.warnf("sentiment cache unavailable (%s), reading PostgreSQL", e.toString());
        }
        return fromDatabase(symbol);
    }

    @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.SUPPORTS)
    public Optional<SentimentScored> fromDatabase(String symbol) {
        SentimentScored[] out = {null};
        Panache.getEntityManager().unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("select as_of, score, confidence, agreement, item_count, breakdown::text,"
                    + " missing_sources from sentiment_score where symbol = ? order by as_of desc limit 1")) {
                ps.setString(1, symbol);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        List<SentimentScored.SourceScore> sources = List.of(EventCodec.mapper().readValue(rs.getString(6),
                                SentimentScored.SourceScore[].class));
                        List<String> missing = List.of((String[]) rs.getArray(7).getArray());
                        out[0] = new SentimentScored(symbol, rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), sources,
                                rs.getInt(5), missing, rs.getTimestamp(1).toInstant());
                    }
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("stored breakdown is not JSON", e);
                }
            }
        });
        return Optional.ofNullable(out[0]);
    }

    private static String json(Object o) {
        try {
            return EventCodec.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
