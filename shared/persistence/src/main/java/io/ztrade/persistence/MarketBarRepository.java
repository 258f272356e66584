package io.ztrade.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import io.ztrade.domain.market.Bar;
import io.ztrade.domain.market.BarSeries;
import io.ztrade.domain.market.Instrument;
import io.ztrade.domain.market.Timeframe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.hibernate.Session;

/** Reads and writes {@code market_bar}. Writes are idempotent on (symbol, timeframe, time). */
@ApplicationScoped
public class MarketBarRepository {

    private static final int BATCH = 1000;

    /** Bars of {@code instrument}/{@code timeframe} with {@code from <= time < to}, oldest first, as columns. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BarSeries load(Instrument instrument, Timeframe timeframe, Instant from, Instant to) {
        BarSeries series = new BarSeries(instrument, timeframe, 1024);
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "select bar_time, open, high, low, close, volume from market_bar"
                            + " where symbol = ? and timeframe = ? and bar_time >= ? and bar_time < ? order by bar_time")) {
                ps.setString(1, instrument.symbol());
                ps.setString(2, timeframe.id());
                ps.setTimestamp(3, Timestamp.from(from));
                ps.setTimestamp(4, Timestamp.from(to));
                ps.setFetchSize(5000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        series.add(rs.getTimestamp(1).getTime(), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                                rs.getDouble(5), rs.getDouble(6));
                    }
                }
            }
        });
        return series;
    }

    /** Inserts the bars that are not stored yet; returns how many were new. */
    @Transactional
    public int upsert(String symbol, Timeframe timeframe, List<Bar> bars, String source) {
        int[] inserted = {0};
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "insert into market_bar (symbol, timeframe, bar_time, open, high, low, close, volume, source)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (symbol, timeframe, bar_time) do nothing")) {
                int pending = 0;
                for (Bar b : bars) {
                    ps.setString(1, symbol);
                    ps.setString(2, timeframe.id());
                    ps.setTimestamp(3, Timestamp.from(b.time()));
                    ps.setBigDecimal(4, BigDecimal.valueOf(b.open()));
                    ps.setBigDecimal(5, BigDecimal.valueOf(b.high()));
                    ps.setBigDecimal(6, BigDecimal.valueOf(b.low()));
                    ps.setBigDecimal(7, BigDecimal.valueOf(b.close()));
                    ps.setBigDecimal(8, BigDecimal.valueOf(b.volume()));
                    ps.setString(9, source);
                    ps.addBatch();
                    if (++pending == BATCH) {
                        inserted[0] += sum(ps.executeBatch());
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    inserted[0] += sum(ps.executeBatch());
                }
            }
        });
        return inserted[0];
    }

    public long count(String symbol, Timeframe timeframe) {
        return MarketBarEntity.count("symbol = ?1 and timeframe = ?2", symbol, timeframe.id());
    }

    private static int sum(int[] counts) {
        int n = 0;
        for (int c : counts) {
            n += Math.max(c, 0);
        }
        return n;
    }
}
