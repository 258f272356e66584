package io.ztrade.orderbook.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast book's id index and duplicate window against {@link HashMap} under random operations. */
class OrderIndexTest {

    @Test
    void shouldAgreeWithHashMapUnderRandomAddsAndRemovesWithCollidingIds() {
        SplittableRandom random = new SplittableRandom(3);
        OrderIndex index = new OrderIndex(4);
        Map<Long, FastOrderBook.Order> expected = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            // Ids that are multiples of a power of two cluster in one probe run.
            long id = random.nextBoolean() ? 1 + random.nextInt(5_000) : (1 + random.nextInt(5_000)) * 1024L;
            if (expected.containsKey(id)) {
                assertThat(index.remove(id)).isTrue();
                expected.remove(id);
            } else {
                FastOrderBook.Order order = new FastOrderBook.Order();
                order.id = id;
                index.add(order);
                expected.put(id, order);
                ids.add(id);
            }
            long probe = ids.get(random.nextInt(ids.size()));
            assertThat(index.get(probe)).isSameAs(expected.get(probe));
            assertThat(index.size()).isEqualTo(expected.size());
        }
        for (long id : ids) {
            assertThat(index.get(id)).isSameAs(expected.get(id));
        }
        assertThat(index.remove(999_999_999L)).isFalse();
        index.clear();
        assertThat(index.size()).isZero();
        assertThat(index.get(ids.get(0))).isNull();
    }

    @Test
    void shouldRememberExactlyTheLastIdsOfItsWindow() {
        RecentIds recent = new RecentIds(100);
        for (long id = 1; id <= 1_000; id++) {
            recent.add(id * 1024);
            assertThat(recent.contains(id * 1024)).isTrue();
            if (id > 100) {
                assertThat(recent.contains((id - 100) * 1024)).as("forgot %d", id - 100).isFalse();
            }
            assertThat(recent.contains((Math.max(1, id - 99)) * 1024)).isTrue();
        }
        assertThat(recent.size()).isEqualTo(100);
        assertThat(recent.get(0)).isEqualTo(901 * 1024);
        assertThat(recent.get(99)).isEqualTo(1_000 * 1024);
        recent.clear();
        assertThat(recent.contains(1_000 * 1024)).isFalse();
    }

    @Test
    void shouldRememberNothingWithEmptyWindow() {
        RecentIds recent = new RecentIds(0);
        recent.add(5);

        assertThat(recent.contains(5)).isFalse();
        assertThat(recent.size()).isZero();
    }
}
