package io.ztrade.dev.emulator;

import io.ztrade.domain.market.Instruments;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The orderbook's price bands on the local platform, centred on the data it replays. The shipped
 * data are old (AAPL 2013, BTC/USD 2013, ETH/USD 2023) and the orderbook's configured bands are
 * centred on recent prices (AAPL 150, BTC 60,000, ETH 3,000, +-50%): without this every order of the
 * local demo would be refused as outside the band. For each symbol with bars in {@code market_bar}
 * the reference price is the middle of its lowest low and highest high, and the band reaches 25 %
 * past both (at most 99 % of the reference). Handed to the processes as JVM system properties
 * ({@code JAVA_OPTS_APPEND}), which win over the orderbook's {@code application.properties}.
 */
public final class LocalInstrumentBands {

    /** One symbol's band. */
    public record Band(String symbol, BigDecimal referencePrice, BigDecimal band) {}

    private static final BigDecimal MAX_BAND = new BigDecimal("0.99");
    private static final BigDecimal MARGIN = new BigDecimal("1.25");
    private static final BigDecimal TICK = new BigDecimal("0.01");

    private LocalInstrumentBands() {}

    /** The band covering prices from {@code low} to {@code high}. */
    public static Band of(String symbol, BigDecimal low, BigDecimal high) {
        BigDecimal reference = low.add(high).divide(BigDecimal.TWO, 2, RoundingMode.HALF_UP).max(TICK);
        BigDecimal halfWidth = high.subtract(low).divide(BigDecimal.TWO, MathContext.DECIMAL64).multiply(MARGIN);
        BigDecimal band = halfWidth.divide(reference, 4, RoundingMode.UP).max(new BigDecimal("0.05")).min(MAX_BAND);
        return new Band(symbol, reference, band);
    }

    /**
     * The bands of the platform's instruments ({@code Instruments}: the ones the orderbook trades by
     * default) from their bars in {@code market_bar}; none when the table is empty or missing. Bars of
     * other symbols (a test's, an import's) are left out: the orderbook has no instrument for them, and
     * a band alone would be an incomplete instrument it refuses to start with.
     */
    public static List<Band> fromDatabase(DataSource dataSource) {
        Map<String, Band> bands = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select symbol, min(low), max(high) from market_bar group by symbol")) {
            while (rs.next()) {
                String symbol = rs.getString(1);
                if (Instruments.find(symbol).isPresent()) {
                    bands.put(symbol, of(symbol, rs.getBigDecimal(2), rs.getBigDecimal(3)));
                }
            }
        } catch (SQLException e) {
            return List.of();
        }
        return new ArrayList<>(bands.values());
    }

    /** The JVM options that set them: {@code -Dztrade.orderbook.instruments.<symbol>.reference-price=... -D...band=...}. */
    public static String jvmOptions(List<Band> bands) {
        StringBuilder b = new StringBuilder();
        for (Band band : bands) {
            String key = "ztrade.orderbook.instruments." + band.symbol() + ".";
            b.append(b.isEmpty() ? "" : " ").append("-D").append(key).append("reference-price=")
                    .append(band.referencePrice().toPlainString()).append(" -D").append(key).append("band=")
                    .append(band.band().toPlainString());
        }
        return b.toString();
    }
}
