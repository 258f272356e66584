package io.ztrade.orderbook.service.core;

/**
 * Hands out the ids of one command's events: {@code <partition>-<offset>-<n>}, {@code n} from 0. The
 * same record always gives the same ids, however often it is replayed.
 */
final class EventIds {

    private final String prefix;
    private int next;

    EventIds(int partition, long offset) {
        this.prefix = partition + "-" + offset + "-";
    }

    String next() {
        return prefix + next++;
    }
}
