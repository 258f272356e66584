package io.ztrade.trading;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.ztrade.domain.market.BarSeries;
import io.ztrade.domain.market.Instrument;
import io.ztrade.domain.market.Timeframe;
import io.ztrade.events.EventCodec;
import io.ztrade.persistence.SentimentHistory;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * What an agent decides on: its newest closed bars (Redis {@code ztrade:bars:{symbol}:{timeframe}}
 * as the market-data fetcher writes it, else PostgreSQL {@code market_bar}) and sentiment (the
 * series' sentiment columns from {@code sentiment_score}, the newest bar's from Redis
 * {@code ztrade:sentiment:{symbol}} when that is newer). A Redis miss or outage falls back to PostgreSQL.
 */
@ApplicationScoped
public class MarketInputs {

    private static final Logger LOG = Logger.getLogger(MarketInputs.class);

    private final ValueCommands<String, String> redis;
    private final Sql sql;
    private final TradingConfig config;

    public MarketInputs(RedisDataSource redis, Sql sql, TradingConfig config) {
        this.redis = redis.value(String.class);
        this.sql = sql;
        this.config = config;
    }

    public static String barsKey(String symbol, String timeframe) {
        return "ztrade:bars:" + symbol + ":" + timeframe;
    }

    public static String sentimentKey(String symbol) {
        return "ztrade:sentiment:" + symbol;
    }

    /** The newest closed bars at {@code now}, oldest first (at most {@code ztrade.trading.bars}). */
    public BarSeries bars(Instrument instrument, Timeframe timeframe, Instant now) {
        long closedBefore = now.toEpochMilli() - timeframe.duration().toMillis();
        try {
            String json = redis.get(barsKey(instrument.symbol(), timeframe.id()));
            if (json != null) {
                BarSeries s = new BarSeries(instrument, timeframe, config.bars());
                JsonNode bars = EventCodec.mapper().readTree(json).path("bars");
                List<JsonNode> closed = new ArrayList<>();
                for (JsonNode b : bars) {
                    if (Instant.parse(b.path("t").asText()).toEpochMilli() <= closedBefore) {
                        closed.add(b);
                    }
                }
                for (JsonNode b : closed.subList(Math.max(0, closed.size() - config.bars()), closed.size())) {
                    s.add(Instant.parse(b.path("t").asText()).toEpochMilli(), b.path("o").asDouble(), b.path("h").asDouble(),
                            b.path("l").asDouble(), b.path("c").asDouble(), b.path("v").asDouble());
                }
                if (!s.isEmpty()) {
                    return s;
                }
            }
        } catch (Exception e) {
            LOG.warnf("bar cache unavailable for %s %s (%s), reading PostgreSQL", instrument.symbol(), timeframe.id(), e.toString());
        }
        return fromDatabase(instrument, timeframe, closedBefore);
    }

    private BarSeries fromDatabase(Instrument instrument, Timeframe timeframe, long closedBefore) {
        return sql.read(c -> {
            List<double[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select bar_time, open, high, low, close, volume from market_bar"
                    + " where symbol = ? and timeframe = ? and bar_time <= ? order by bar_time desc limit ?")) {
                ps.setString(1, instrument.symbol());
                ps.setString(2, timeframe.id());
                ps.setTimestamp(3, new Timestamp(closedBefore));
                ps.setInt(4, config.bars());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new double[] {rs.getTimestamp(1).getTime(), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                                rs.getDouble(5), rs.getDouble(6)});
                    }
                }
            }
            BarSeries s = new BarSeries(instrument, timeframe, Math.max(1, rows.size()));
            for (int i = rows.size() - 1; i >= 0; i--) {
                double[] r = rows.get(i);
                s.add((long) r[0], r[1], r[2], r[3], r[4], r[5]);
            }
            return s;
        });
    }

    /**
     * Fills the series' sentiment columns (as a backtest does: the newest score known at each bar's
     * close, at most {@code sentiment-max-age} old) and returns the score of the newest bar (NaN: none).
     */
    public double sentiment(BarSeries series) {
        if (series.isEmpty()) {
            return Double.NaN;
        }
        int last = series.size() - 1;
        long step = series.timeframe().duration().toMillis();
        long lastClose = series.timeColumn()[last] + step;
        long maxAge = config.sentimentMaxAge().toMillis();
        try {
            String json = redis.get(sentimentKey(series.instrument().symbol()));
            if (json != null) {
                JsonNode n = EventCodec.mapper().readTree(json);
                long asOf = Instant.parse(n.path("asOf").asText()).toEpochMilli();
                if (asOf <= lastClose && lastClose - asOf <= maxAge) {
                    fillFromDatabase(series, maxAge);
                    series.setSentiment(last, n.path("score").asDouble(), n.path("confidence").asDouble());
                    return n.path("score").asDouble();
                }
            }
        } catch (Exception e) {
            LOG.warnf("sentiment cache unavailable for %s (%s), reading PostgreSQL", series.instrument().symbol(), e.toString());
        }
        fillFromDatabase(series, maxAge);
        return series.sentimentColumn()[last];
    }

    /** The backtests' own alignment of stored scores to bars ({@link SentimentHistory}), here on the loop's connection. */
    private void fillFromDatabase(BarSeries series, long maxAge) {
        sql.read(c -> SentimentHistory.fill(c, series, Duration.ofMillis(maxAge)));
    }
}
