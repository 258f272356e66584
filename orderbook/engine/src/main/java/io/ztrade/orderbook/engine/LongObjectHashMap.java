package io.ztrade.orderbook.engine;

import java.util.Arrays;

/**
 * Open-addressing hash map from positive {@code long} keys to objects: linear probing, Fibonacci
 * hashing, deletion by backward shift (no tombstones), load factor at most one half. Key {@code 0}
 * marks an empty slot, so keys must be non-zero. Allocates only when it grows.
 */
final class LongObjectHashMap<V> {

    private long[] keys;
    private Object[] values;
    private int mask;
    private int shift;
    private int size;
    private int resizeAt;

    LongObjectHashMap(int expected) {
        allocate(capacityFor(expected));
    }

    private static int capacityFor(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        return Math.min(capacity, 1 << 30);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        resizeAt = capacity >>> 1;
    }

    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        long[] k = keys;
        int i = slot(key);
        while (true) {
            long probe = k[i];
            if (probe == key) {
                return (V) values[i];
            }
            if (probe == 0) {
                return null;
            }
            i = (i + 1) & mask;
        }
    }

    boolean containsKey(long key) {
        return get(key) != null;
    }

    /** Puts a key that is not present yet. */
    void putNew(long key, V value) {
        if (size >= resizeAt) {
            grow();
        }
        int i = slot(key);
        while (keys[i] != 0) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        size++;
    }

    /** Removes a key; returns whether it was present. */
    boolean remove(long key) {
        long[] k = keys;
        int i = slot(key);
        while (true) {
            long probe = k[i];
            if (probe == 0) {
                return false;
            }
            if (probe == key) {
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
            long moved = k[j];
            if (moved == 0) {
                break;
            }
            int home = slot(moved);
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                k[hole] = moved;
                values[hole] = values[j];
                hole = j;
            }
        }
        k[hole] = 0;
        values[hole] = null;
        size--;
        return true;
    }

    void clear() {
        Arrays.fill(keys, 0);
        Arrays.fill(values, null);
        size = 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        allocate(keys.length << 1);
        for (int i = 0; i < oldKeys.length; i++) {
            long key = oldKeys[i];
            if (key != 0) {
                int s = slot(key);
                while (keys[s] != 0) {
                    s = (s + 1) & mask;
                }
                keys[s] = key;
                values[s] = oldValues[i];
            }
        }
    }
}
