package io.ztrade.domain.backtest;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The fills of one run, recorded as primitive columns (no object per fill while the engine runs) and
 * read as an unmodifiable {@code List<Fill>}; {@link #get} builds the {@link Fill}. Only the engine
 * records; once handed out in a {@link BacktestResult} the log does not change.
 */
final class FillLog extends AbstractList<Fill> implements RandomAccess {

    private int size;
    private int[] bar = new int[16];
    private long[] time = new long[16];
    private boolean[] buy = new boolean[16];
    private double[] price = new double[16];
    private double[] quantity = new double[16];
    private double[] commission = new double[16];
    private double[] pnl = new double[16];

    void record(int barIndex, long timeMillis, Side side, double fillPrice, double qty, double fee, double realizedPnl) {
        if (size == bar.length) {
            int cap = size * 2;
            bar = Arrays.copyOf(bar, cap);
            time = Arrays.copyOf(time, cap);
            buy = Arrays.copyOf(buy, cap);
            price = Arrays.copyOf(price, cap);
            quantity = Arrays.copyOf(quantity, cap);
            commission = Arrays.copyOf(commission, cap);
            pnl = Arrays.copyOf(pnl, cap);
        }
        int k = size++;
        bar[k] = barIndex;
        time[k] = timeMillis;
        buy[k] = side == Side.BUY;
        price[k] = fillPrice;
        quantity[k] = qty;
        commission[k] = fee;
        pnl[k] = realizedPnl;
    }

    @Override
    public Fill get(int index) {
        java.util.Objects.checkIndex(index, size);
        return new Fill(bar[index], time[index], buy[index] ? Side.BUY : Side.SELL, price[index], quantity[index],
                commission[index], pnl[index]);
    }

    @Override
    public int size() {
        return size;
    }
}
