package io.ztrade.orderbook.service.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ztrade.orderbook.engine.L2Depth;
import io.ztrade.orderbook.service.core.BookSettings;
import io.ztrade.orderbook.service.core.Incoming;
import io.ztrade.orderbook.service.core.Instruments;
import io.ztrade.orderbook.service.core.Outcome;
import io.ztrade.orderbook.service.core.PartitionState;
import io.ztrade.orderbook.service.core.Reject;
import io.ztrade.orderbook.service.core.SymbolBook;
import io.ztrade.orderbook.service.core.TestInstruments;
import io.ztrade.orderbook.service.kafka.CommandRecords;
import io.ztrade.testtools.RawRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * Order requests as the matching service reads them from {@code ztrade.orders}: the input is one
 * Kafka record ({@code name: value} header lines, an empty line, the value; a {@code key} line sets
 * the record key). Every record, however malformed, is applied to one partition's books and gives
 * executions (an acceptance, fills, or a reject naming the field); the books are never crossed and
 * a snapshot of the state reads back to the same bytes. Never an exception.
 *
 * <p>The state lives across inputs (up to {@value #RESET_EVERY} records), so that the fuzzer's
 * orders meet resting orders and trade.
 *
 * <p>Seeds: {@code src/test/resources/io/ztrade/orderbook/service/fuzz/OrderRecordFuzzTestInputs/}.
 */
public class OrderRecordFuzzTest {

    private static final int RESET_EVERY = 10_000;
    private static final Instruments INSTRUMENTS = TestInstruments.all();

    private static PartitionState state = fresh();
    private static long offset;

    @FuzzTest
    void appliesAnyRecordOrRejectsItNamingTheField(byte[] input) {
        fuzzerTestOneInput(input);
    }

    public static void fuzzerTestOneInput(byte[] input) {
        if (offset == RESET_EVERY) {
            state = fresh();
            offset = 0;
        }
        RawRequest raw = RawRequest.parse(input);
        RecordHeaders headers = new RecordHeaders();
        String key = null;
        for (Map.Entry<String, List<String>> h : raw.headers().entrySet()) {
            for (String value : h.getValue()) {
                if (h.getKey().equals("key")) {
                    key = value;
                } else {
                    headers.add(h.getKey(), value.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        long o = offset++;
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("ztrade.orders", 0, o, 1_700_000_000_000L + o,
                TimestampType.CREATE_TIME, -1, raw.body().length, key, raw.body(), headers, java.util.Optional.empty());

        Incoming incoming = CommandRecords.decode(record);
        Outcome outcome = state.apply(incoming);
        if (outcome == null || outcome.executions().isEmpty() || outcome.result() == null) {
            throw new AssertionError("a new record must give executions and a result: " + outcome);
        }
        Reject reject = outcome.result().reject();
        if (reject != null && (reject.field() == null || reject.field().isEmpty())) {
            throw new AssertionError("a reject must name a field: " + reject);
        }
        for (Map.Entry<String, SymbolBook> book : state.books().entrySet()) {
            L2Depth depth = book.getValue().depth(1);
            if (!depth.bids().isEmpty() && !depth.asks().isEmpty()
                    && depth.bids().get(0).price() >= depth.asks().get(0).price()) {
                throw new AssertionError(book.getKey() + " is crossed: " + depth);
            }
        }
        if (o % 64 == 0) {
            byte[] bytes = state.toBytes();
            byte[] again = PartitionState.fromBytes(bytes, INSTRUMENTS, BookSettings.defaults(), s -> 0).toBytes();
            if (!Arrays.equals(bytes, again)) {
                throw new AssertionError("a snapshot does not read back to the same state");
            }
        }
    }

    private static PartitionState fresh() {
        // one partition owns every symbol, as in a single-partition deployment
        return new PartitionState(0, INSTRUMENTS, BookSettings.defaults(), s -> 0);
    }
}
