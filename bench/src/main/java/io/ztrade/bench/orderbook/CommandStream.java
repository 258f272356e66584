package io.ztrade.bench.orderbook;

/**
 * A pre-generated sequence of order book commands in flat primitive arrays, so replaying it costs the
 * book's work and nothing else.
 */
public final class CommandStream {

    /** New GTC limit order. */
    public static final byte GTC = 0;
    /** New IOC limit order. */
    public static final byte IOC = 1;
    /** Cancel of a resting order. */
    public static final byte CANCEL = 2;
    /** Price move of a resting order (quantity unchanged). */
    public static final byte MOVE = 3;

    final byte[] type;
    final boolean[] buy;
    final long[] orderId;
    final long[] account;
    final long[] price;
    final long[] quantity;
    private int size;

    CommandStream(int capacity) {
        type = new byte[capacity];
        buy = new boolean[capacity];
        orderId = new long[capacity];
        account = new long[capacity];
        price = new long[capacity];
        quantity = new long[capacity];
    }

    void add(byte t, boolean isBuy, long id, long acct, long px, long qty) {
        type[size] = t;
        buy[size] = isBuy;
        orderId[size] = id;
        account[size] = acct;
        price[size] = px;
        quantity[size] = qty;
        size++;
    }

    /** Number of commands. */
    public int size() {
        return size;
    }

    /** Share of commands of one type, in percent. */
    public double percent(byte t) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (type[i] == t) {
                n++;
            }
        }
        return 100.0 * n / size;
    }
}
