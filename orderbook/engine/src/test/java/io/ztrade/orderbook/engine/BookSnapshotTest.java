package io.ztrade.orderbook.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookSnapshotTest {

    private static final BookSnapshot SNAPSHOT = new BookSnapshot("BTC-USD", 123_456_789_012L, 42,
            List.of(new OrderInfo(7, 1, Side.BUY, 10_000, 5, 0, false),
                    new OrderInfo(Long.MAX_VALUE, Long.MAX_VALUE, Side.SELL, Long.MAX_VALUE, 1L << 40, 3, true)),
            new long[] {1, 2, 300_000_000_000L});

    @Test
    void shouldRoundTripThroughBytes() {
        byte[] bytes = SNAPSHOT.toBytes();

        assertThat(BookSnapshot.fromBytes(bytes)).isEqualTo(SNAPSHOT);
        assertThat(BookSnapshot.fromBytes(bytes).hashCode()).isEqualTo(SNAPSHOT.hashCode());
    }

    @Test
    void shouldEncodeSmallNumbersCompactly() {
        BookSnapshot small = new BookSnapshot("X", 1, 0, List.of(new OrderInfo(7, 1, Side.BUY, 100, 5, 0, false)), new long[] {7});

        assertThat(small.toBytes()).hasSizeLessThan(24);
    }

    @Test
    void shouldRefuseBytesThatAreNotASnapshot() {
        byte[] bytes = SNAPSHOT.toBytes();

        assertThatThrownBy(() -> BookSnapshot.fromBytes(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BookSnapshot.fromBytes("hello world".getBytes()))
                .isInstanceOf(IllegalArgumentException.class);
        for (int cut = 1; cut < bytes.length; cut++) {
            byte[] truncated = Arrays.copyOf(bytes, cut);
            assertThatThrownBy(() -> BookSnapshot.fromBytes(truncated)).as("cut at %d", cut)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> BookSnapshot.fromBytes(longer)).isInstanceOf(IllegalArgumentException.class);
        byte[] otherVersion = bytes.clone();
        otherVersion[4] = 9;
        assertThatThrownBy(() -> BookSnapshot.fromBytes(otherVersion)).hasMessageContaining("version");
    }

    @Test
    void shouldNotShareItsRecentIdArray() {
        long[] ids = {1, 2};
        BookSnapshot snapshot = new BookSnapshot("X", 0, 0, List.of(), ids);
        ids[0] = 99;
        snapshot.recentOrderIds()[1] = 99;

        assertThat(snapshot.recentOrderIds()).containsExactly(1, 2);
    }
}
