package io.ztrade.orderbook.engine;

import java.util.Arrays;

/**
 * The fast book's id index: an open-addressing table of {@link FastOrderBook.Order} references keyed
 * by the order's own id (no separate key array, so a lookup touches the table slot and the order it
 * needs anyway). Linear probing, Fibonacci hashing, deletion by backward shift (no tombstones), load
 * factor at most one quarter to keep probe runs short. Allocates only when it grows.
 */
final class OrderIndex {

    private FastOrderBook.Order[] table;
    private int mask;
    private int shift;
    private int size;
    private int resizeAt;

    OrderIndex(int expected) {
        allocate(capacityFor(expected));
    }

    private static int capacityFor(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 4 - 1)) << 1;
        return Math.min(capacity, 1 << 30);
    }

    private void allocate(int capacity) {
        table = new FastOrderBook.Order[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        resizeAt = capacity >>> 2;
    }

    private int slot(long id) {
        return (int) ((id * 0x9E3779B97F4A7C15L) >>> shift);
    }

    int size() {
        return size;
    }

    FastOrderBook.Order get(long id) {
        FastOrderBook.Order[] t = table;
        int i = slot(id);
        FastOrderBook.Order o;
        while ((o = t[i]) != null) {
            if (o.id == id) {
                return o;
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    /** Adds an order whose id is not indexed yet. */
    void add(FastOrderBook.Order order) {
        if (size >= resizeAt) {
            grow();
        }
        insert(table, order);
        size++;
    }

    private void insert(FastOrderBook.Order[] t, FastOrderBook.Order order) {
        int i = slot(order.id);
        while (t[i] != null) {
            i = (i + 1) & mask;
        }
        t[i] = order;
    }

    /** Removes the order with this id; returns whether it was indexed. */
    boolean remove(long id) {
        FastOrderBook.Order[] t = table;
        int i = slot(id);
        while (true) {
            FastOrderBook.Order o = t[i];
            if (o == null) {
                return false;
            }
            if (o.id == id) {
                break;
            }
            i = (i + 1) & mask;
        }
        // Backward shift: pull later entries of the probe run into the hole when that keeps them
        // reachable from their home slot.
        int hole = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            FastOrderBook.Order moved = t[j];
            if (moved == null) {
                break;
            }
            if (((j - slot(moved.id)) & mask) >= ((j - hole) & mask)) {
                t[hole] = moved;
                hole = j;
            }
        }
        t[hole] = null;
        size--;
        return true;
    }

    void clear() {
        Arrays.fill(table, null);
        size = 0;
    }

    private void grow() {
        FastOrderBook.Order[] old = table;
        allocate(old.length << 1);
        for (FastOrderBook.Order o : old) {
            if (o != null) {
                insert(table, o);
            }
        }
    }
}
