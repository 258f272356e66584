package io.ztrade.marketdata.replay;

import io.ztrade.domain.market.Bar;
import io.ztrade.domain.market.Instrument;
import io.ztrade.domain.market.Timeframe;
import io.ztrade.historical.HistoricalDataset;
import io.ztrade.marketdata.core.BarProvider;
import io.ztrade.marketdata.core.ProviderException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves the shipped historical data as if it were live. The timeline of a symbol is a grid of
 * slots of the requested timeframe starting at the anchor (floored to the timeframe); slot
 * {@code k} holds the {@code (start + k)}-th bar of the symbol's dataset (wrapping round when
 * {@code loop}), stamped with the slot's time. A slot is served once it has closed on the
 * {@link ReplayClock}, so prices move as the clock advances.
 *
 * <p>A symbol's dataset is the one of its timeframe when one ships, else its first dataset: AAPL's
 * daily bars replayed as 5-minute bars move like AAPL did day by day, only faster. This is a
 * stand-in for a live feed, never data to draw conclusions from.
 */
public final class ReplayProvider implements BarProvider {

    /** How many bars one fetch returns at most (the newest). */
    public static final int MAX_BARS = 10_000;

    private final ReplayClock clock;
    private final int start;
    private final boolean loop;

    /**
     * @param clock the replayed clock
     * @param start index of the dataset bar the first slot plays (0: the first bar)
     * @param loop  wrap round at the end of a dataset (else no more bars once it is played out)
     */
    public ReplayProvider(ReplayClock clock, int start, boolean loop) {
        if (start < 0) {
            throw new IllegalArgumentException("replay start must not be negative, was " + start);
        }
        this.clock = clock;
        this.start = start;
        this.loop = loop;
    }

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public Instant now() {
        return clock.now();
    }

    /** The dataset replayed for {@code instrument} at {@code timeframe}. */
    public static HistoricalDataset datasetOf(Instrument instrument, Timeframe timeframe) {
        HistoricalDataset first = null;
        for (HistoricalDataset d : HistoricalDataset.values()) {
            if (d.instrument().symbol().equals(instrument.symbol())) {
                if (d.timeframe() == timeframe) {
                    return d;
                }
                if (first == null) {
                    first = d;
                }
            }
        }
        if (first == null) {
            throw new ProviderException("replay: no shipped data for " + instrument.symbol());
        }
        return first;
    }

    @Override
    public List<Bar> fetch(Instrument instrument, Timeframe timeframe, Instant since) {
        List<Bar> data = datasetOf(instrument, timeframe).bars();
        long step = timeframe.duration().toMillis();
        long origin = Math.floorDiv(clock.anchor().toEpochMilli(), step) * step;
        long now = clock.now().toEpochMilli();
        // slots [from, to] are wanted: opening at or after since, closed by now
        long to = Math.floorDiv(now - origin, step) - 1;
        long from = Math.max(0, Math.floorDiv(since.toEpochMilli() - origin + step - 1, step));
        if (!loop) {
            to = Math.min(to, data.size() - 1L - start);
        }
        from = Math.max(from, to - MAX_BARS + 1);
        List<Bar> bars = new ArrayList<>();
        for (long k = from; k <= to; k++) {
            Bar b = data.get((int) ((start + k) % data.size()));
            bars.add(new Bar(Instant.ofEpochMilli(origin + k * step), b.open(), b.high(), b.low(), b.close(), b.volume()));
        }
        return bars;
    }
}
