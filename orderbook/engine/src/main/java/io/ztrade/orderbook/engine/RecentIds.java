package io.ztrade.orderbook.engine;

import java.util.Arrays;

/**
 * The last {@code capacity} accepted order ids, for duplicate detection: a ring buffer in arrival
 * order plus an open-addressing set (same scheme as {@link OrderIndex}). Adding to a full
 * window forgets the oldest id. Allocates nothing after construction.
 */
final class RecentIds {

    private final long[] ring;
    private int head;
    private int count;

    private final long[] set;
    private final int mask;
    private final int shift;

    RecentIds(int capacity) {
        ring = new long[capacity];
        int tableSize = Integer.highestOneBit(Math.max(16, capacity * 2 - 1)) << 1;
        set = new long[tableSize];
        mask = tableSize - 1;
        shift = 64 - Integer.numberOfTrailingZeros(tableSize);
    }

    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    int size() {
        return count;
    }

    /** The id at a position, 0 being the oldest. */
    long get(int i) {
        int at = head + i;
        return ring[at >= ring.length ? at - ring.length : at];
    }

    boolean contains(long id) {
        int i = slot(id);
        while (true) {
            long probe = set[i];
            if (probe == id) {
                return true;
            }
            if (probe == 0) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    /** Remembers an id that is not remembered yet. */
    void add(long id) {
        if (ring.length == 0) {
            return;
        }
        if (count == ring.length) {
            remove(ring[head]);
            ring[head] = id;
            head = head + 1 == ring.length ? 0 : head + 1;
        } else {
            int tail = head + count;
            ring[tail >= ring.length ? tail - ring.length : tail] = id;
            count++;
        }
        int i = slot(id);
        while (set[i] != 0) {
            i = (i + 1) & mask;
        }
        set[i] = id;
    }

    void clear() {
        Arrays.fill(set, 0);
        head = 0;
        count = 0;
    }

    private void remove(long id) {
        int i = slot(id);
        while (set[i] != id) {
            i = (i + 1) & mask;
        }
        int hole = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            long moved = set[j];
            if (moved == 0) {
                break;
            }
            if (((j - slot(moved)) & mask) >= ((j - hole) & mask)) {
                set[hole] = moved;
                hole = j;
            }
        }
        set[hole] = 0;
    }
}
