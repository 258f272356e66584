package io.ztrade.orderbook.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The full state of one book, as plain values: what a service persists to recover after a crash
 * (snapshot + replay of the commands that came after it).
 *
 * @param symbol          symbol of the book it was taken from
 * @param sequence        sequence number of the last event emitted
 * @param lastTradeId     id of the last trade
 * @param orders          every resting order: bids best price first, then asks best price first,
 *                        oldest first within a price (priority order)
 * @param recentOrderIds  recently accepted order ids, oldest first (duplicate detection)
 */
public record BookSnapshot(String symbol, long sequence, long lastTradeId, List<OrderInfo> orders,
        long[] recentOrderIds) {

    private static final int MAGIC = 0x5A544F42; // "ZTOB"
    private static final byte VERSION = 1;

    /** Copies the collections so a snapshot never changes. */
    public BookSnapshot {
        Objects.requireNonNull(symbol, "symbol");
        orders = List.copyOf(orders);
        recentOrderIds = recentOrderIds.clone();
    }

    /** A copy of the recent ids (the record's own array is never handed out). */
    @Override
    public long[] recentOrderIds() {
        return recentOrderIds.clone();
    }

    /** Number of recent ids, without copying. */
    public int recentOrderIdCount() {
        return recentOrderIds.length;
    }

    /** The recent id at a position (0 is the oldest), without copying. */
    public long recentOrderId(int i) {
        return recentOrderIds[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BookSnapshot s
                && symbol.equals(s.symbol)
                && sequence == s.sequence
                && lastTradeId == s.lastTradeId
                && orders.equals(s.orders)
                && Arrays.equals(recentOrderIds, s.recentOrderIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(symbol, sequence, lastTradeId, orders, Arrays.hashCode(recentOrderIds));
    }

    @Override
    public String toString() {
        return "BookSnapshot[symbol=" + symbol + ", sequence=" + sequence + ", lastTradeId=" + lastTradeId
                + ", orders=" + orders.size() + ", recentOrderIds=" + recentOrderIds.length + "]";
    }

    /**
     * Encodes as a compact byte array: a header, then unsigned LEB128 varints for every number
     * (an order typically takes 10 to 20 bytes).
     */
    public byte[] toBytes() {
        Writer w = new Writer(32 + orders.size() * 24 + recentOrderIds.length * 5);
        w.int32(MAGIC);
        w.byte8(VERSION);
        byte[] name = symbol.getBytes(StandardCharsets.UTF_8);
        w.varint(name.length);
        w.bytes(name);
        w.varint(sequence);
        w.varint(lastTradeId);
        w.varint(orders.size());
        for (OrderInfo o : orders) {
            w.varint(o.orderId());
            w.varint(o.account());
            w.byte8((byte) ((o.side() == Side.SELL ? 1 : 0) | (o.postOnly() ? 2 : 0)));
            w.varint(o.price());
            w.varint(o.remaining());
            w.varint(o.filled());
        }
        w.varint(recentOrderIds.length);
        for (long id : recentOrderIds) {
            w.varint(id);
        }
        return w.toArray();
    }

    /**
     * Decodes {@link #toBytes()}.
     *
     * @throws IllegalArgumentException when the bytes are not a snapshot of this format (truncated,
     *                                  corrupt, other version)
     */
    public static BookSnapshot fromBytes(byte[] bytes) {
        Reader r = new Reader(bytes);
        if (r.int32() != MAGIC) {
            throw new IllegalArgumentException("not an order book snapshot");
        }
        byte version = r.byte8();
        if (version != VERSION) {
            throw new IllegalArgumentException("unsupported snapshot version " + version);
        }
        String symbol = new String(r.bytes(r.count()), StandardCharsets.UTF_8);
        long sequence = r.varint();
        long lastTradeId = r.varint();
        int orderCount = r.count();
        List<OrderInfo> orders = new ArrayList<>(orderCount);
        for (int i = 0; i < orderCount; i++) {
            long id = r.varint();
            long account = r.varint();
            byte flags = r.byte8();
            if ((flags & ~3) != 0) {
                throw new IllegalArgumentException("corrupt order flags " + flags);
            }
            orders.add(new OrderInfo(id, account, (flags & 1) != 0 ? Side.SELL : Side.BUY,
                    r.varint(), r.varint(), r.varint(), (flags & 2) != 0));
        }
        long[] recent = new long[r.count()];
        for (int i = 0; i < recent.length; i++) {
            recent[i] = r.varint();
        }
        if (r.position != bytes.length) {
            throw new IllegalArgumentException("trailing bytes after snapshot");
        }
        return new BookSnapshot(symbol, sequence, lastTradeId, orders, recent);
    }

    private static final class Writer {
        private byte[] buf;
        private int size;

        Writer(int capacity) {
            buf = new byte[Math.max(16, capacity)];
        }

        void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }

        void byte8(byte b) {
            ensure(1);
            buf[size++] = b;
        }

        void int32(int v) {
            ensure(4);
            buf[size++] = (byte) (v >>> 24);
            buf[size++] = (byte) (v >>> 16);
            buf[size++] = (byte) (v >>> 8);
            buf[size++] = (byte) v;
        }

        void bytes(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
        }

        void varint(long v) {
            if (v < 0) {
                throw new IllegalArgumentException("negative value in snapshot: " + v);
            }
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                buf[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
        }

        byte[] toArray() {
            return Arrays.copyOf(buf, size);
        }
    }

    private static final class Reader {
        private final byte[] buf;
        private int position;

        Reader(byte[] buf) {
            this.buf = Objects.requireNonNull(buf, "bytes");
        }

        private void need(int n) {
            if (n < 0 || position + n > buf.length) {
                throw new IllegalArgumentException("truncated snapshot");
            }
        }

        byte byte8() {
            need(1);
            return buf[position++];
        }

        int int32() {
            need(4);
            int v = ((buf[position] & 0xFF) << 24) | ((buf[position + 1] & 0xFF) << 16)
                    | ((buf[position + 2] & 0xFF) << 8) | (buf[position + 3] & 0xFF);
            position += 4;
            return v;
        }

        byte[] bytes(int n) {
            need(n);
            byte[] b = Arrays.copyOfRange(buf, position, position + n);
            position += n;
            return b;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 63; shift += 7) {
                byte b = byte8();
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("corrupt varint in snapshot");
        }

        /** A length that must fit the remaining bytes (at least one byte per element). */
        int count() {
            long n = varint();
            if (n > buf.length - position) {
                throw new IllegalArgumentException("corrupt length in snapshot: " + n);
            }
            return (int) n;
        }
    }
}
