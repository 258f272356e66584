package io.ztrade.dev.emulator.api;

import io.agroal.api.AgroalDataSource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/market}: what the fetchers stored, for the status page: the newest bar per symbol
 * and timeframe ({@code market_bar}) and the newest sentiment per symbol ({@code sentiment_score}).
 * Empty lists while the schema does not exist yet.
 */
@Path("/api/market")
@Produces(MediaType.APPLICATION_JSON)
public class MarketResource {

    /** The newest bar of one symbol and timeframe. */
    public record LatestBar(String symbol, String timeframe, Instant time, BigDecimal close, String source) {}

    /** The newest sentiment of one symbol. */
    public record LatestSentiment(String symbol, Instant asOf, double score, double confidence, double agreement, int items,
            List<String> missingSources) {}

    /** Both lists. */
    public record Market(List<LatestBar> bars, List<LatestSentiment> sentiment) {}

    private final AgroalDataSource dataSource;

    public MarketResource(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @GET
    public Market market() throws SQLException {
        List<LatestBar> bars = new ArrayList<>();
        List<LatestSentiment> sentiment = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select distinct on (symbol, timeframe) symbol, timeframe, bar_time, close,"
                    + " source from market_bar order by symbol, timeframe, bar_time desc"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BigDecimal close = rs.getBigDecimal(4).stripTrailingZeros();
                    bars.add(new LatestBar(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                            close.scale() < 0 ? close.setScale(0) : close, rs.getString(5)));
                }
            } catch (SQLException e) {
                if (!"42P01".equals(e.getSQLState())) {
                    throw e;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select distinct on (symbol) symbol, as_of, score, confidence, agreement,"
                    + " item_count, missing_sources from sentiment_score order by symbol, as_of desc"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sentiment.add(new LatestSentiment(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getDouble(3), rs.getDouble(4),
                            rs.getDouble(5), rs.getInt(6), List.of((String[]) rs.getArray(7).getArray())));
                }
            } catch (SQLException e) {
                if (!"42P01".equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
        return new Market(bars, sentiment);
    }
}
