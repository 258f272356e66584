package io.ztrade.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztrade.domain.market.BarSeries;
import io.ztrade.domain.market.Instruments;
import io.ztrade.domain.market.Timeframe;
import io.ztrade.historical.HistoricalDataset;
import io.ztrade.infra.PostgresResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class PersistenceTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    HistoricalDataImporter importer;

    @Inject
    MarketBarRepository bars;

    @Inject
    JobLedger ledger;

    @Test
    void shouldApplyTheFlywayMigrationsToTheRealDatabase() throws Exception {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery(
                        "select version, success from flyway_schema_history where version is not null order by installed_rank")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("1");
            assertThat(rs.getBoolean(2)).isTrue();
        }
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery(
                        "select table_name from information_schema.tables where table_schema = 'public' order by 1")) {
            List<String> tables = new ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            assertThat(tables).contains("market_bar", "backtest_run", "backtest_trade", "job_run", "backtest_sweep");
            try (ResultSet v = c.createStatement().executeQuery("show server_version")) {
                v.next();
                assertThat(v.getString(1)).startsWith("17.");
            }
        }
    }

    @Test
    void shouldImportTheShippedDataIdempotently() {
        importer.importAll();
        long aapl = bars.count("AAPL", Timeframe.DAY_1);
        long btcHour = bars.count("BTC-USD", Timeframe.HOUR_1);
        Map<HistoricalDataset, Integer> second = importer.importAll();
        assertThat(second.values()).allMatch(n -> n == 0);
        assertThat(aapl).isEqualTo(252);
        assertThat(bars.count("ETH-USD", Timeframe.MIN_5)).isEqualTo(580);
        assertThat(btcHour).isEqualTo(HistoricalDataset.BTC_USD_HOUR.bars().size());
        assertThat(bars.count("BTC-USD", Timeframe.MIN_1)).isEqualTo(HistoricalDataset.BTC_USD_MINUTE.bars().size());
    }

    @Test
    void shouldLoadBarsInTheHalfOpenRangeAsTheyWereImported() {
        importer.importAll();
        BarSeries all = bars.load(Instruments.AAPL, Timeframe.DAY_1, Instant.parse("2013-01-01T00:00:00Z"),
                Instant.parse("2014-01-01T00:00:00Z"));
        BarSeries shipped = HistoricalDataset.AAPL_DAILY.series();
        assertThat(all.size()).isEqualTo(shipped.size());
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.bar(i)).isEqualTo(shipped.bar(i));
        }
        Instant second = shipped.time(1);
        BarSeries one = bars.load(Instruments.AAPL, Timeframe.DAY_1, shipped.time(0), second);
        assertThat(one.size()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnInconsistentBar() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            MarketBarEntity b = new MarketBarEntity();
            b.symbol = "AAPL";
            b.timeframe = "1Day";
            b.time = Instant.parse("1999-01-01T00:00:00Z");
            b.open = new java.math.BigDecimal("10");
            b.high = new java.math.BigDecimal("9");
            b.low = new java.math.BigDecimal("8");
            b.close = new java.math.BigDecimal("9");
            b.volume = java.math.BigDecimal.ONE;
            b.source = "test";
            b.persistAndFlush();
        })).hasStackTraceContaining("ck_market_bar_range");
    }

    @Test
    void shouldRunAJobOnceAndReplayItsReply() {
        String id = UUID.randomUUID().toString();
        JobLedger.Claim first = ledger.claim("/test", id, "t", "fn");
        assertThat(first).isInstanceOf(JobLedger.Run.class);
        long jobId = ((JobLedger.Run) first).jobId();
        assertThat(ledger.claim("/test", id, "t", "fn")).isInstanceOf(JobLedger.Busy.class);
        QuarkusTransaction.requiringNew().run(() -> ledger.succeed(jobId, "io.ztrade.x", "{\"a\":1}"));
        JobLedger.Claim again = ledger.claim("/test", id, "t", "fn");
        assertThat(again).isEqualTo(new JobLedger.Replay(jobId, JobStatus.SUCCEEDED, "io.ztrade.x", "{\"a\": 1}"));
    }

    @Test
    void shouldRunAgainAfterAFailureWithoutReplyAndCountAttempts() {
        String id = UUID.randomUUID().toString();
        long jobId = ((JobLedger.Run) ledger.claim("/test", id, "t", "fn")).jobId();
        ledger.fail(jobId, "database went away", null, null);
        JobLedger.Claim retry = ledger.claim("/test", id, "t", "fn");
        assertThat(retry).isEqualTo(new JobLedger.Run(jobId, 2));
        ledger.fail(jobId, "no bars", "io.ztrade.backtest.failed", "{}");
        assertThat(ledger.claim("/test", id, "t", "fn")).isInstanceOf(JobLedger.Replay.class);
        QuarkusTransaction.requiringNew().run(() -> {
            JobRunEntity job = JobRunEntity.findById(jobId);
            assertThat(job.status).isEqualTo(JobStatus.FAILED);
            assertThat(job.attempts).isEqualTo(2);
            assertThat(job.error).isEqualTo("no bars");
        });
    }

    @Test
    void shouldTakeOverAJobWhoseReplicaDied() throws Exception {
        String id = UUID.randomUUID().toString();
        long jobId = ((JobLedger.Run) ledger.claim("/test", id, "t", "fn")).jobId();
        Thread.sleep(2100); // ztrade.jobs.stale-after is 2 s in this test profile
        assertThat(ledger.claim("/test", id, "t", "fn")).isEqualTo(new JobLedger.Run(jobId, 2));
    }

    @Test
    void shouldLetExactlyOneOfConcurrentDeliveriesRun() throws Exception {
        String id = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<JobLedger.Claim>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> ledger.claim("/test", id, "t", "fn"));
            }
            List<JobLedger.Claim> claims = new ArrayList<>();
            for (Future<JobLedger.Claim> f : pool.invokeAll(calls)) {
                claims.add(f.get());
            }
            assertThat(claims).filteredOn(c -> c instanceof JobLedger.Run).hasSize(1);
            assertThat(claims).filteredOn(c -> c instanceof JobLedger.Busy).hasSize(5);
        } finally {
            pool.shutdownNow();
        }
    }
}
