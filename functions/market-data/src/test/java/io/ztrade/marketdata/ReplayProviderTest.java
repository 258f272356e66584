package io.ztrade.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.domain.market.Bar;
import io.ztrade.domain.market.Instruments;
import io.ztrade.domain.market.Timeframe;
import io.ztrade.historical.HistoricalDataset;
import io.ztrade.marketdata.replay.ReplayClock;
import io.ztrade.marketdata.replay.ReplayProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replay on the real shipped data, on clocks that the test sets. */
class ReplayProviderTest {

    static final Instant ANCHOR = Instant.parse("2026-01-01T00:00:00Z");

    static ReplayProvider at(Instant wall, double speed, int start, boolean loop) {
        return new ReplayProvider(new ReplayClock(Clock.fixed(wall, ZoneOffset.UTC), ANCHOR, speed), start, loop);
    }

    @Test
    void shouldServeTheDatasetInOrderStampedOnTheTimeframeGrid() {
        Instant now = ANCHOR.plus(Duration.ofMinutes(5 * 10 + 2));
        List<Bar> bars = at(now, 1, 0, true).fetch(Instruments.ETH_USD, Timeframe.MIN_5, ANCHOR);
        List<Bar> data = HistoricalDataset.ETH_USD_5MIN.bars();
        assertThat(bars).hasSize(10);
        for (int k = 0; k < 10; k++) {
            assertThat(bars.get(k).time()).isEqualTo(ANCHOR.plus(Duration.ofMinutes(5L * k)));
            assertThat(bars.get(k).close()).isEqualTo(data.get(k).close());
            assertThat(bars.get(k).volume()).isEqualTo(data.get(k).volume());
        }
    }

    @Test
    void shouldServeOnlyClosedSlotsSoThatPricesMoveAsTheClockAdvances() {
        Instant t = ANCHOR.plus(Duration.ofMinutes(5 * 3));
        assertThat(at(t.minusMillis(1), 1, 0, true).fetch(Instruments.ETH_USD, Timeframe.MIN_5, ANCHOR)).hasSize(2);
        assertThat(at(t, 1, 0, true).fetch(Instruments.ETH_USD, Timeframe.MIN_5, ANCHOR)).hasSize(3);
        List<Bar> later = at(t.plus(Duration.ofMinutes(5)), 1, 0, true).fetch(Instruments.ETH_USD, Timeframe.MIN_5, t);
        assertThat(later).extracting(Bar::time).containsExactly(t);
    }

    @Test
    void shouldStartAtTheConfiguredBar() {
        Instant now = ANCHOR.plus(Duration.ofMinutes(5));
        Bar first = at(now, 1, 100, true).fetch(Instruments.ETH_USD, Timeframe.MIN_5, ANCHOR).get(0);
        assertThat(first.close()).isEqualTo(HistoricalDataset.ETH_USD_5MIN.bars().get(100).close());
    }

    @Test
    void shouldLoopRoundTheDatasetOrStopAtItsEnd() {
        List<Bar> data = HistoricalDataset.ETH_USD_5MIN.bars();
        Instant afterOneLap = ANCHOR.plus(Duration.ofMinutes(5L * (data.size() + 2)));
        Instant lapStart = ANCHOR.plus(Duration.ofMinutes(5L * data.size()));
        List<Bar> looped = at(afterOneLap, 1, 0, true).fetch(Instruments.ETH_USD, Timeframe.MIN_5, lapStart);
        assertThat(looped).hasSize(2);
        assertThat(looped.get(0).close()).isEqualTo(data.get(0).close());
        assertThat(at(afterOneLap, 1, 0, false).fetch(Instruments.ETH_USD, Timeframe.MIN_5, lapStart)).isEmpty();
    }

    @Test
    void shouldRunTheClockFasterAtHigherSpeed() {
        Instant wall = ANCHOR.plus(Duration.ofMinutes(5));
        ReplayProvider fast = at(wall, 12, 0, true);
        assertThat(fast.now()).isEqualTo(ANCHOR.plus(Duration.ofHours(1)));
        assertThat(fast.fetch(Instruments.ETH_USD, Timeframe.MIN_5, ANCHOR)).hasSize(12);
    }

    @Test
    void shouldPreferTheDatasetOfTheRequestedTimeframe() {
        assertThat(ReplayProvider.datasetOf(Instruments.BTC_USD, Timeframe.HOUR_1)).isEqualTo(HistoricalDataset.BTC_USD_HOUR);
        assertThat(ReplayProvider.datasetOf(Instruments.BTC_USD, Timeframe.MIN_5)).isEqualTo(HistoricalDataset.BTC_USD_MINUTE);
        assertThat(ReplayProvider.datasetOf(Instruments.AAPL, Timeframe.MIN_5)).isEqualTo(HistoricalDataset.AAPL_DAILY);
    }

    @Test
    void shouldBoundOneFetchToTheNewestBars() {
        Instant now = ANCHOR.plus(Duration.ofDays(400));
        List<Bar> bars = at(now, 1, 0, true).fetch(Instruments.BTC_USD, Timeframe.MIN_1, ANCHOR);
        assertThat(bars).hasSize(ReplayProvider.MAX_BARS);
        assertThat(bars.get(bars.size() - 1).time()).isEqualTo(now.minus(Duration.ofMinutes(1)));
    }

    @Test
    void shouldRejectANonPositiveSpeed() {
        assertThatThrownBy(() -> at(ANCHOR, 0, 0, true)).hasMessageContaining("speed");
    }
}
