package io.ztrade.domain;

import io.ztrade.domain.market.BarSeries;
import io.ztrade.domain.market.Instrument;
import io.ztrade.domain.market.Instruments;
import io.ztrade.domain.market.Timeframe;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;

/** Small hand-made and seeded synthetic series for tests, and their ta4j twins. */
public final class TestBars {

    /** 2024-01-02T00:00Z, the first bar of every hand-made daily series. */
    public static final Instant START = Instant.parse("2024-01-02T00:00:00Z");

    private TestBars() {}

    /** Daily AAPL bars with open = close = the given closes. */
    public static BarSeries closes(double... closes) {
        return bars(Instruments.AAPL, closes, closes);
    }

    /** Daily bars of {@code instrument} with the given opens and closes; high/low span both. */
    public static BarSeries bars(Instrument instrument, double[] opens, double[] closes) {
        if (opens.length != closes.length) {
            throw new IllegalArgumentException("opens and closes differ in length");
        }
        BarSeries s = new BarSeries(instrument, Timeframe.DAY_1, closes.length);
        long day = Duration.ofDays(1).toMillis();
        for (int i = 0; i < closes.length; i++) {
            double o = opens[i];
            double c = closes[i];
            s.add(START.toEpochMilli() + i * day, o, Math.max(o, c), Math.min(o, c), c, 1_000);
        }
        return s;
    }

    /**
     * Daily AAPL bars of a seeded geometric random walk around 100 (1.5% daily volatility), prices
     * on the cent grid, as real quotes are.
     */
    public static BarSeries randomWalk(int bars, long seed) {
        Random random = new Random(seed);
        BarSeries s = new BarSeries(Instruments.AAPL, Timeframe.DAY_1, bars);
        long day = Duration.ofDays(1).toMillis();
        double price = 100;
        for (int i = 0; i < bars; i++) {
            double open = cents(price * Math.exp(0.003 * random.nextGaussian()));
            double close = cents(open * Math.exp(0.015 * random.nextGaussian()));
            double high = cents(Math.max(open, close) * (1 + 0.005 * random.nextDouble()));
            double low = cents(Math.min(open, close) * (1 - 0.005 * random.nextDouble()));
            s.add(START.toEpochMilli() + i * day, open, Math.max(high, Math.max(open, close)),
                    Math.min(low, Math.min(open, close)), close, 1_000 + random.nextInt(9_000));
            price = close;
        }
        return s;
    }

    private static double cents(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** The same bars as a ta4j series with {@code DoubleNum} arithmetic. */
    public static org.ta4j.core.BarSeries toTa4j(BarSeries s) {
        org.ta4j.core.BarSeries t = new BaseBarSeriesBuilder()
                .withName(s.instrument().symbol())
                .withNumFactory(DoubleNumFactory.getInstance())
                .build();
        Duration period = s.timeframe().duration();
        for (int i = 0; i < s.size(); i++) {
            Instant begin = s.time(i);
            t.barBuilder()
                    .timePeriod(period)
                    .beginTime(begin)
                    .endTime(begin.plus(period))
                    .openPrice(s.openColumn()[i])
                    .highPrice(s.highColumn()[i])
                    .lowPrice(s.lowColumn()[i])
                    .closePrice(s.closeColumn()[i])
                    .volume(s.volumeColumn()[i])
                    .add();
        }
        return t;
    }
}
