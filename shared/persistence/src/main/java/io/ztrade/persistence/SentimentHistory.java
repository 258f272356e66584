package io.ztrade.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import io.ztrade.domain.market.BarSeries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import org.hibernate.Session;

/**
 * Fills a bar series' sentiment columns from the stored sentiment history ({@code sentiment_score},
 * written by the sentiment fetcher): each bar gets the newest score known at its close, if it is at
 * most {@code maxAge} old; other bars keep {@code NaN} (no sentiment known). A backtest thus sees
 * what the live loop would have seen at that time.
 */
@ApplicationScoped
public class SentimentHistory {

    /** Fills {@code series}; returns how many bars got a score. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int fill(BarSeries series, Duration maxAge) {
        if (series.isEmpty()) {
            return 0;
        }
        int[] filled = {0};
        Panache.getEntityManager().unwrap(Session.class).doWork(c -> filled[0] = fill(c, series, maxAge));
        return filled[0];
    }

    /**
     * The same on a plain connection: the one alignment of scores to bars that backtests and the
     * live trading loop share, so that both see the same sentiment at a bar's close.
     */
    public static int fill(Connection c, BarSeries series, Duration maxAge) throws SQLException {
        if (series.isEmpty()) {
            return 0;
        }
        long step = series.timeframe().duration().toMillis();
        long[] time = series.timeColumn();
        int filled = 0;
        try (PreparedStatement ps = c.prepareStatement("select as_of, score, confidence from sentiment_score"
                + " where symbol = ? and as_of > ? and as_of <= ? order by as_of")) {
            ps.setString(1, series.instrument().symbol());
            ps.setTimestamp(2, new Timestamp(time[0] + step - maxAge.toMillis()));
            ps.setTimestamp(3, new Timestamp(time[series.size() - 1] + step));
            try (ResultSet rs = ps.executeQuery()) {
                int bar = 0;
                long knownAt = Long.MIN_VALUE;
                double score = Double.NaN;
                double confidence = Double.NaN;
                boolean more = rs.next();
                while (bar < series.size()) {
                    long close = time[bar] + step;
                    while (more && rs.getTimestamp(1).getTime() <= close) {
                        knownAt = rs.getTimestamp(1).getTime();
                        score = rs.getDouble(2);
                        confidence = rs.getDouble(3);
                        more = rs.next();
                    }
                    if (knownAt != Long.MIN_VALUE && close - knownAt <= maxAge.toMillis()) {
                        series.setSentiment(bar, score, confidence);
                        filled++;
                    }
                    bar++;
                }
            }
        }
        return filled;
    }
}
