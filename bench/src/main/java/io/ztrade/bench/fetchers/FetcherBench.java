package io.ztrade.bench.fetchers;

import io.ztrade.infra.EmbeddedPostgres;
import io.ztrade.sentiment.core.LexiconScorer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The fetchers' hot paths, printed, asserting nothing:
 *
 * <ol>
 *   <li>items scored per second by the lexicon scorer, one thread;
 *   <li>bars upserted per second into a real PostgreSQL 17 with the market-data fetcher's statement
 *       ({@code insert ... on conflict do nothing}), in JDBC batches of 1,000 against one statement
 *       per row (autocommit off, one commit), and the ratio, in one run.
 * </ol>
 *
 * <pre>java -cp bench/target/benchmarks.jar io.ztrade.bench.fetchers.FetcherBench [bars]</pre>
 */
public final class FetcherBench {

    static final String[] TEXTS = {
        "Apple beats quarterly earnings estimates as iPhone sales surge",
        "Shares plunge after the company misses revenue estimates",
        "The company will report earnings on Thursday",
        "Analysts upgrade the stock to buy, citing strong services growth, but margins are not great",
        "$AAPL looks really bullish into earnings, very strong quarter",
        "8-K: results of operations and financial condition",
    };

    static final String UPSERT = "insert into market_bar (symbol, timeframe, bar_time, open, high, low, close, volume, source)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (symbol, timeframe, bar_time) do nothing";

    public static void main(String[] args) throws Exception {
        int bars = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        scorer();
        upserts(bars);
    }

    static void scorer() {
        LexiconScorer scorer = LexiconScorer.vader();
        double sink = 0;
        for (int i = 0; i < 200_000; i++) {
            sink += scorer.score(TEXTS[i % TEXTS.length]);
        }
        for (int round = 1; round <= 3; round++) {
            int n = 1_000_000;
            long t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += scorer.score(TEXTS[i % TEXTS.length]);
            }
            double secs = (System.nanoTime() - t) / 1e9;
            System.out.printf("scorer round %d: %,.0f items/s (one thread, %d items, mean length %d chars)%n", round, n / secs, n,
                    meanLength());
        }
        System.out.println("(checksum " + sink + ")");
    }

    static int meanLength() {
        int sum = 0;
        for (String t : TEXTS) {
            sum += t.length();
        }
        return sum / TEXTS.length;
    }

    static void upserts(int bars) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.start()) {
            pg.createDatabase("bench");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("bench"), pg.username(), pg.password())) {
                try (Statement s = c.createStatement()) {
                    s.execute("create table market_bar (id bigserial primary key, symbol varchar(32) not null,"
                            + " timeframe varchar(8) not null, bar_time timestamptz not null, open numeric(24,8) not null,"
                            + " high numeric(24,8) not null, low numeric(24,8) not null, close numeric(24,8) not null,"
                            + " volume numeric(30,8) not null, source varchar(64) not null,"
                            + " constraint uq_market_bar unique (symbol, timeframe, bar_time))");
                }
                c.setAutoCommit(false);
                run(c, "WARM", bars / 4, true);
                run(c, "WARM", bars / 4, false);
                double rowByRow = run(c, "ROW", bars, false);
                double batched = run(c, "BATCH", bars, true);
                System.out.printf("upserts: batched %,.0f bars/s, row-by-row %,.0f bars/s, ratio %.1fx (%d bars each)%n",
                        batched, rowByRow, batched / rowByRow, bars);
            }
        }
    }

    static double run(Connection c, String symbol, int bars, boolean batched) throws Exception {
        Instant t0 = Instant.parse("2020-01-01T00:00:00Z");
        long t = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            int pending = 0;
            for (int i = 0; i < bars; i++) {
                double p = 100 + (i % 100) * 0.01;
                ps.setString(1, symbol + (batched ? "-B" : "-R"));
                ps.setString(2, "1Min");
                ps.setTimestamp(3, Timestamp.from(t0.plusSeconds(60L * i)));
                ps.setBigDecimal(4, BigDecimal.valueOf(p));
                ps.setBigDecimal(5, BigDecimal.valueOf(p + 1));
                ps.setBigDecimal(6, BigDecimal.valueOf(p - 1));
                ps.setBigDecimal(7, BigDecimal.valueOf(p));
                ps.setBigDecimal(8, BigDecimal.valueOf(1000 + i));
                ps.setString(9, "bench");
                if (batched) {
                    ps.addBatch();
                    if (++pending == 1000) {
                        ps.executeBatch();
                        pending = 0;
                    }
                } else {
                    ps.executeUpdate();
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        c.commit();
        return bars / ((System.nanoTime() - t) / 1e9);
    }
}
