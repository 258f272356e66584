package io.ztrade.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztrade.domain.market.BarSeries;
import io.ztrade.domain.market.Instruments;
import io.ztrade.domain.market.Timeframe;
import io.ztrade.infra.PostgresResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class SentimentHistoryTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SentimentHistory history;

    void score(String symbol, Instant asOf, double score, double confidence) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into sentiment_score (symbol, as_of, score, confidence, agreement, item_count, breakdown, missing_sources)"
                        + " values (?, ?, ?, ?, 1, 3, '[]'::jsonb, '{}') on conflict do nothing")) {
            ps.setString(1, symbol);
            ps.setTimestamp(2, Timestamp.from(asOf));
            ps.setDouble(3, score);
            ps.setDouble(4, confidence);
            ps.executeUpdate();
        }
    }

    @Test
    void shouldGiveEachBarTheNewestScoreKnownAtItsCloseAndNothingStale() throws Exception {
        Instant t0 = Instant.parse("2030-01-06T10:00:00Z");
        score("ETH-USD", t0.plus(Duration.ofMinutes(30)), 0.4, 0.8);  // known at the close of bar 0 (11:00)
        score("ETH-USD", t0.plus(Duration.ofMinutes(150)), -0.2, 0.5); // 12:30: known at the close of bar 2 (13:00)
        score("BTC-USD", t0.plus(Duration.ofMinutes(30)), 0.9, 0.9);   // another symbol: ignored
        BarSeries series = new BarSeries(Instruments.ETH_USD, Timeframe.HOUR_1, 8);
        for (int i = 0; i < 6; i++) {
            series.add(t0.plus(Duration.ofHours(i)).toEpochMilli(), 10, 11, 9, 10, 1);
        }
        int filled = history.fill(series, Duration.ofHours(2));
        double[] s = series.sentimentColumn();
        assertThat(s[0]).isEqualTo(0.4);
        assertThat(s[1]).isEqualTo(0.4);
        assertThat(s[2]).isEqualTo(-0.2);
        assertThat(s[3]).isEqualTo(-0.2);
        assertThat(s[4]).as("2.5 h old at the 15:00 close, over the 2 h bound").isNaN();
        assertThat(s[5]).isNaN();
        assertThat(series.sentimentConfidenceColumn()[2]).isEqualTo(0.5);
        assertThat(filled).isEqualTo(4);
    }

    @Test
    void shouldLeaveTheColumnNaNWithoutHistory() {
        BarSeries series = new BarSeries(Instruments.AAPL, Timeframe.DAY_1, 4);
        series.add(Instant.parse("2013-01-02T00:00:00Z").toEpochMilli(), 10, 11, 9, 10, 1);
        assertThat(history.fill(series, Duration.ofDays(1))).isZero();
        assertThat(series.sentimentColumn()[0]).isNaN();
    }
}
