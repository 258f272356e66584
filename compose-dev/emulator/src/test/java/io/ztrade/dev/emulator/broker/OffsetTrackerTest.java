package io.ztrade.dev.emulator.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    static final TopicPartition P0 = new TopicPartition("t", 0);
    static final TopicPartition P1 = new TopicPartition("t", 1);

    @Test
    void commitsNothingBeforeTheFirstRecordFinishes() {
        OffsetTracker t = new OffsetTracker();
        t.started(P0, 10);
        t.started(P0, 11);
        assertThat(t.committable()).containsExactly(Map.entry(P0, new OffsetAndMetadata(10)));
        assertThat(t.inFlight()).isEqualTo(2);
    }

    @Test
    void neverCommitsPastAnUnfinishedRecordEvenWhenLaterOnesFinished() {
        OffsetTracker t = new OffsetTracker();
        for (long o = 0; o < 5; o++) {
            t.started(P0, o);
        }
        t.finished(P0, 0);
        t.finished(P0, 2);
        t.finished(P0, 3);
        t.finished(P0, 4);
        assertThat(t.committable().get(P0).offset()).isEqualTo(1);
        t.finished(P0, 1);
        assertThat(t.committable().get(P0).offset()).isEqualTo(5);
        assertThat(t.inFlight()).isZero();
    }

    @Test
    void offersAnOffsetOnlyOnceUntilItMoves() {
        OffsetTracker t = new OffsetTracker();
        t.started(P0, 0);
        t.finished(P0, 0);
        Map<TopicPartition, OffsetAndMetadata> first = t.committable();
        t.committed(first);
        assertThat(t.committable()).isEmpty();
        t.started(P0, 1);
        t.finished(P0, 1);
        assertThat(t.committable().get(P0).offset()).isEqualTo(2);
    }

    @Test
    void tracksPartitionsIndependently() {
        OffsetTracker t = new OffsetTracker();
        t.started(P0, 0);
        t.started(P1, 7);
        t.finished(P1, 7);
        assertThat(t.committable()).containsOnly(Map.entry(P0, new OffsetAndMetadata(0)), Map.entry(P1, new OffsetAndMetadata(8)));
    }
}
