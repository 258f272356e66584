package io.ztrade.domain.market;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Bars of one instrument and timeframe stored as primitive columns, oldest first. The backtest engine
 * reads the columns directly; the live loop appends one bar at a time and evaluates the newest index.
 *
 * <p>Optional sentiment columns ({@code NaN} where no score is known) feed strategies that combine
 * sentiment with technicals.
 */
public final class BarSeries {

    private final Instrument instrument;
    private final Timeframe timeframe;
    private long[] timeMillis;
    private double[] open;
    private double[] high;
    private double[] low;
    private double[] close;
    private double[] volume;
    private double[] sentiment;
    private double[] sentimentConfidence;
    private int size;

    public BarSeries(Instrument instrument, Timeframe timeframe, int initialCapacity) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
        int cap = Math.max(16, initialCapacity);
        timeMillis = new long[cap];
        open = new double[cap];
        high = new double[cap];
        low = new double[cap];
        close = new double[cap];
        volume = new double[cap];
        sentiment = new double[cap];
        sentimentConfidence = new double[cap];
    }

    public static BarSeries of(Instrument instrument, Timeframe timeframe, List<Bar> bars) {
        BarSeries s = new BarSeries(instrument, timeframe, bars.size());
        for (Bar b : bars) {
            s.add(b);
        }
        return s;
    }

    /** Appends a bar; bars must arrive in strictly increasing time. */
    public void add(Bar bar) {
        add(bar.time().toEpochMilli(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
    }

    public void add(long timeMillis, double o, double h, double l, double c, double v) {
        if (size > 0 && timeMillis <= this.timeMillis[size - 1]) {
            throw new IllegalArgumentException("bars must be in increasing time: " + Instant.ofEpochMilli(timeMillis)
                    + " after " + Instant.ofEpochMilli(this.timeMillis[size - 1]));
        }
        if (size == this.timeMillis.length) {
            grow();
        }
        this.timeMillis[size] = timeMillis;
        open[size] = o;
        high[size] = h;
        low[size] = l;
        close[size] = c;
        volume[size] = v;
        sentiment[size] = Double.NaN;
        sentimentConfidence[size] = Double.NaN;
        size++;
    }

    /** Sets the sentiment known at the close of bar {@code index}: score in [-1, 1], confidence in [0, 1]. */
    public void setSentiment(int index, double score, double confidence) {
        Objects.checkIndex(index, size);
        if (!(score >= -1 && score <= 1)) {
            throw new IllegalArgumentException("sentiment score must be in [-1, 1]: " + score);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("sentiment confidence must be in [0, 1]: " + confidence);
        }
        sentiment[index] = score;
        sentimentConfidence[index] = confidence;
    }

    private void grow() {
        int cap = timeMillis.length * 2;
        timeMillis = Arrays.copyOf(timeMillis, cap);
        open = Arrays.copyOf(open, cap);
        high = Arrays.copyOf(high, cap);
        low = Arrays.copyOf(low, cap);
        close = Arrays.copyOf(close, cap);
        volume = Arrays.copyOf(volume, cap);
        sentiment = Arrays.copyOf(sentiment, cap);
        sentimentConfidence = Arrays.copyOf(sentimentConfidence, cap);
    }

    public Instrument instrument() {
        return instrument;
    }

    public Timeframe timeframe() {
        return timeframe;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public Bar bar(int i) {
        Objects.checkIndex(i, size);
        return new Bar(Instant.ofEpochMilli(timeMillis[i]), open[i], high[i], low[i], close[i], volume[i]);
    }

    public Instant time(int i) {
        Objects.checkIndex(i, size);
        return Instant.ofEpochMilli(timeMillis[i]);
    }

    /*
     * Raw columns for one-pass engines. Valid indexes are [0, size()); the arrays may be longer and
     * are replaced when the series grows, so read them again after add().
     */

    public long[] timeColumn() {
        return timeMillis;
    }

    public double[] openColumn() {
        return open;
    }

    public double[] highColumn() {
        return high;
    }

    public double[] lowColumn() {
        return low;
    }

    public double[] closeColumn() {
        return close;
    }

    public double[] volumeColumn() {
        return volume;
    }

    public double[] sentimentColumn() {
        return sentiment;
    }

    public double[] sentimentConfidenceColumn() {
        return sentimentConfidence;
    }
}
