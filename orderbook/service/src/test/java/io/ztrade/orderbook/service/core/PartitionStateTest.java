package io.ztrade.orderbook.service.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.events.EventTypes;
import io.ztrade.events.payload.OrderAccepted;
import io.ztrade.events.payload.OrderCancelled;
import io.ztrade.events.payload.OrderFilled;
import io.ztrade.events.payload.OrderRejected;
import io.ztrade.events.payload.OrderRequest;
import io.ztrade.orderbook.engine.L2Depth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PartitionStateTest {

    private static final long T0 = 1_700_000_000_000L;

    private final PartitionState state = new PartitionState(0, TestInstruments.all(), BookSettings.defaults(), s -> 0);
    private long offset;

    private Outcome apply(OrderRequest request) {
        long o = offset++;
        return state.apply(Incoming.of(0, o, T0 + o, "cmd-" + o, request));
    }

    static OrderRequest limit(String clientOrderId, String account, String side, String price, String quantity) {
        return OrderRequest.place(clientOrderId, account, "AAPL", side, "LIMIT", "GTC", false, price, quantity);
    }

    private record BookView(long sequence, L2Depth depth) {
    }

    private BookView aapl() {
        SymbolBook book = state.book("AAPL");
        return book == null ? new BookView(0, null) : new BookView(book.sequence(), book.depth(100));
    }

    @Test
    void shouldTradeAtTheMakersPriceAndPublishOneFillPerSide() {
        Outcome sell = apply(limit("s-1", "acct-a", "SELL", "150.00", "10"));
        String makerId = sell.result().orderId();
        assertThat(sell.result().status()).isEqualTo(OrderResult.NEW);

        Outcome buy = apply(limit("b-1", "acct-b", "BUY", "151.00", "4"));

        assertThat(buy.executions()).extracting(Execution::type)
                .containsExactly(EventTypes.ORDER_ACCEPTED, EventTypes.ORDER_FILLED, EventTypes.ORDER_FILLED);
        assertThat(buy.executions()).extracting(Execution::id).containsExactly("0-1-0", "0-1-1", "0-1-2");
        OrderFilled taker = (OrderFilled) buy.executions().get(1).data();
        OrderFilled maker = (OrderFilled) buy.executions().get(2).data();
        assertThat(taker.orderId()).isEqualTo(buy.result().orderId());
        assertThat(taker.clientOrderId()).isEqualTo("b-1");
        assertThat(taker.side()).isEqualTo("BUY");
        assertThat(taker.price()).isEqualTo("150.00");
        assertThat(taker.quantity()).isEqualTo("4");
        assertThat(taker.remainingQuantity()).isEqualTo("0");
        assertThat(taker.makerOrderId()).isEqualTo(makerId);
        assertThat(taker.takerOrderId()).isEqualTo(buy.result().orderId());
        assertThat(taker.tradeId()).isEqualTo("AAPL-1");
        assertThat(maker.orderId()).isEqualTo(makerId);
        assertThat(maker.accountId()).isEqualTo("acct-a");
        assertThat(maker.side()).isEqualTo("SELL");
        assertThat(maker.remainingQuantity()).isEqualTo("6");
        assertThat(maker.tradeId()).isEqualTo(taker.tradeId());

        assertThat(buy.result().status()).isEqualTo(OrderResult.FILLED);
        assertThat(buy.result().filledQuantity()).isEqualTo("4");
        assertThat(buy.result().remainingQuantity()).isEqualTo("0");
        assertThat(buy.result().fills()).containsExactly(
                new OrderResult.Fill("AAPL-1", "150.00", "4", makerId, buy.result().orderId()));
        assertThat(state.book("AAPL").depth(5).asks()).containsExactly(new L2Depth.Level(15_000, 6, 1));
    }

    @Test
    void shouldDeriveOrderIdsFromTheRecordsPartitionAndOffset() {
        PartitionState p2 = new PartitionState(2, TestInstruments.all(), BookSettings.defaults(), s -> 2);
        Outcome o = p2.apply(Incoming.of(2, 41, T0, "c", limit("c-1", "a", "BUY", "100.00", "1")));
        assertThat(o.result().orderId()).isEqualTo(Long.toString((42L << PartitionState.PARTITION_BITS) | 2));
        assertThat(o.executions().get(0).id()).isEqualTo("2-41-0");
    }

    @Test
    void shouldApplyARecordOnlyOnceWhenItIsReplayed() {
        Incoming record = Incoming.of(0, 0, T0, "cmd-0", limit("c-1", "acct-a", "BUY", "149.00", "5"));
        assertThat(state.apply(record)).isNotNull();
        byte[] after = state.toBytes();

        assertThat(state.apply(record)).isNull();
        assertThat(state.toBytes()).isEqualTo(after);
        assertThat(state.nextOffset()).isEqualTo(1);
    }

    @Test
    void shouldRejectADuplicateClientOrderIdOfOneAccountButNotOfAnother() {
        Outcome first = apply(limit("dup", "acct-a", "BUY", "140.00", "5"));
        BookView before = aapl();

        Outcome again = apply(limit("dup", "acct-a", "BUY", "140.00", "5"));

        assertThat(again.result().status()).isEqualTo(OrderResult.REJECTED);
        assertThat(again.result().reject().code()).isEqualTo(Reject.DUPLICATE_CLIENT_ORDER_ID);
        assertThat(again.result().rejectReason()).startsWith("clientOrderId: ").contains(first.result().orderId());
        assertThat(again.executions()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventTypes.ORDER_REJECTED);
            assertThat(((OrderRejected) e.data()).clientOrderId()).isEqualTo("dup");
        });
        assertThat(aapl()).isEqualTo(before);

        assertThat(apply(limit("dup", "acct-b", "BUY", "140.00", "5")).result().status()).isEqualTo(OrderResult.NEW);
    }

    @Test
    void shouldKeepAFilledOrdersClientOrderIdTaken() {
        apply(limit("once", "acct-a", "SELL", "150.00", "1"));
        apply(limit("taker", "acct-b", "BUY", "150.00", "1"));
        assertThat(state.book("AAPL").orderCount()).isZero();

        assertThat(apply(limit("once", "acct-a", "SELL", "150.00", "1")).result().reject().code())
                .isEqualTo(Reject.DUPLICATE_CLIENT_ORDER_ID);
    }

    static Stream<Arguments> badOrders() {
        return Stream.of(
                Arguments.of("unknown symbol", new OrderRequest(null, null, "c", "a", "XYZ", "BUY", "LIMIT", "GTC", false, "1.00", "1"),
                        "UNKNOWN_SYMBOL", "symbol"),
                Arguments.of("price off the tick grid", limit("c", "a", "BUY", "150.001", "1"), "PRICE_OFF_TICK", "price"),
                Arguments.of("price outside the band", limit("c", "a", "BUY", "1000.00", "1"), "PRICE_OUTSIDE_BAND", "price"),
                Arguments.of("negative price", limit("c", "a", "BUY", "-1.00", "1"), "INVALID_PRICE", "price"),
                Arguments.of("zero quantity", limit("c", "a", "BUY", "150.00", "0"), "INVALID_QUANTITY", "quantity"),
                Arguments.of("negative quantity", limit("c", "a", "BUY", "150.00", "-5"), "INVALID_QUANTITY", "quantity"),
                Arguments.of("fractional lot", limit("c", "a", "BUY", "150.00", "1.5"), "QUANTITY_OFF_LOT", "quantity"),
                Arguments.of("above the maximum", limit("c", "a", "BUY", "150.00", "1000001"), "QUANTITY_ABOVE_MAX", "quantity"),
                Arguments.of("absurdly large", limit("c", "a", "BUY", "150.00", "1" + "0".repeat(30)), "NUMBER_TOO_LARGE", "quantity"),
                Arguments.of("NaN price", limit("c", "a", "BUY", "NaN", "1"), "MALFORMED_NUMBER", "price"),
                Arguments.of("non-numeric quantity", limit("c", "a", "BUY", "150.00", "ten"), "MALFORMED_NUMBER", "quantity"),
                Arguments.of("exponent", limit("c", "a", "BUY", "1.5E2", "1"), "MALFORMED_NUMBER", "price"),
                Arguments.of("missing price", limit("c", "a", "BUY", null, "1"), "INVALID_REQUEST", "price"),
                Arguments.of("missing side", limit("c", "a", null, "150.00", "1"), "INVALID_REQUEST", "side"),
                Arguments.of("missing clientOrderId", limit(null, "a", "BUY", "150.00", "1"), "INVALID_REQUEST", "clientOrderId"),
                Arguments.of("unknown time in force", new OrderRequest(null, null, "c", "a", "AAPL", "BUY", "LIMIT", "DAY", false, "150.00", "1"),
                        "INVALID_REQUEST", "timeInForce"),
                Arguments.of("cancel of an unknown order", OrderRequest.cancel("AAPL", "999999", null), "UNKNOWN_ORDER", "orderId"),
                Arguments.of("amend of an unknown order", OrderRequest.amend("AAPL", "999999", null, "150.00", null), "UNKNOWN_ORDER", "orderId"),
                Arguments.of("cancel by a malformed id", OrderRequest.cancel("AAPL", "12x", null), "INVALID_ORDER_ID", "orderId"),
                Arguments.of("amend off the tick grid", OrderRequest.amend("AAPL", "1024", null, "150.005", null), "PRICE_OFF_TICK", "price"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOrders")
    void shouldRejectBadInputNamingTheFieldAndLeaveTheBookUnchanged(String what, OrderRequest request, String code,
            String field) {
        apply(limit("rest-bid", "acct-r", "BUY", "149.00", "10"));
        apply(limit("rest-ask", "acct-r", "SELL", "151.00", "10"));
        BookView before = aapl();

        Outcome outcome = apply(request);

        assertThat(outcome.result().status()).isEqualTo(OrderResult.REJECTED);
        assertThat(outcome.result().reject().code()).isEqualTo(code);
        assertThat(outcome.result().reject().field()).isEqualTo(field);
        assertThat(outcome.result().rejectReason()).startsWith(field + ": ");
        assertThat(outcome.executions()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventTypes.ORDER_REJECTED);
            OrderRejected data = (OrderRejected) e.data();
            assertThat(data.code()).isEqualTo(code);
            assertThat(data.reason()).isEqualTo(outcome.result().rejectReason());
        });
        assertThat(aapl()).isEqualTo(before);
    }

    @Test
    void shouldCancelByClientOrderIdAndReportWhatWasFilled() {
        Outcome resting = apply(limit("c-9", "acct-a", "SELL", "152.00", "10"));
        apply(limit("t-9", "acct-b", "BUY", "152.00", "3"));

        OrderRequest cancel = new OrderRequest(OrderRequest.CANCEL, null, "c-9", "acct-a", "AAPL", null, null, null, null,
                null, null);
        Outcome cancelled = apply(cancel);

        assertThat(cancelled.result()).isEqualTo(new OrderResult(resting.result().orderId(), "c-9", OrderResult.CANCELLED,
                "3", "0", List.of(), null));
        assertThat(cancelled.executions()).singleElement().satisfies(e -> {
            OrderCancelled data = (OrderCancelled) e.data();
            assertThat(data.reason()).isEqualTo("USER");
            assertThat(data.remainingQuantity()).isEqualTo("7");
        });
        assertThat(state.book("AAPL").orderCount()).isZero();
    }

    @Test
    void shouldRefuseACancelFromAnotherAccount() {
        Outcome resting = apply(limit("c-1", "acct-a", "SELL", "152.00", "10"));
        Outcome refused = apply(OrderRequest.cancel("AAPL", resting.result().orderId(), "acct-b"));
        assertThat(refused.result().reject().code()).isEqualTo("ACCOUNT_MISMATCH");
        assertThat(refused.result().reject().field()).isEqualTo("accountId");
        assertThat(state.book("AAPL").orderCount()).isOne();
    }

    @Test
    void shouldPublishAnAmendAsAcceptedWithTheNewPriceAndOpenQuantity() {
        Outcome resting = apply(limit("c-1", "acct-a", "BUY", "148.00", "10"));
        String id = resting.result().orderId();

        Outcome amended = apply(OrderRequest.amend("AAPL", id, null, "148.50", "6"));

        assertThat(amended.executions()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventTypes.ORDER_ACCEPTED);
            OrderAccepted data = (OrderAccepted) e.data();
            assertThat(data.orderId()).isEqualTo(id);
            assertThat(data.clientOrderId()).isEqualTo("c-1");
            assertThat(data.price()).isEqualTo("148.50");
            assertThat(data.quantity()).isEqualTo("6");
        });
        assertThat(amended.result()).isEqualTo(new OrderResult(id, "c-1", OrderResult.NEW, "0", "6", List.of(), null));
    }

    @Test
    void shouldTradeWhenAnAmendCrossesTheBook() {
        Outcome ask = apply(limit("a-1", "acct-a", "SELL", "150.00", "4"));
        Outcome bid = apply(limit("b-1", "acct-b", "BUY", "149.00", "10"));

        Outcome amended = apply(OrderRequest.amend("AAPL", bid.result().orderId(), "acct-b", "150.00", null));

        assertThat(amended.result().status()).isEqualTo(OrderResult.PARTIALLY_FILLED);
        assertThat(amended.result().filledQuantity()).isEqualTo("4");
        assertThat(amended.result().remainingQuantity()).isEqualTo("6");
        assertThat(amended.result().fills()).singleElement()
                .satisfies(f -> assertThat(f.makerOrderId()).isEqualTo(ask.result().orderId()));
    }

    @Test
    void shouldCancelTheUnfilledRestOfAnIocAndReportItCancelled() {
        apply(limit("a-1", "acct-a", "SELL", "150.00", "4"));
        Outcome ioc = apply(OrderRequest.place("i-1", "acct-b", "AAPL", "BUY", "LIMIT", "IOC", false, "150.00", "10"));
        assertThat(ioc.result().status()).isEqualTo(OrderResult.CANCELLED);
        assertThat(ioc.result().filledQuantity()).isEqualTo("4");
        assertThat(ioc.executions()).extracting(Execution::type).containsExactly(EventTypes.ORDER_ACCEPTED,
                EventTypes.ORDER_FILLED, EventTypes.ORDER_FILLED, EventTypes.ORDER_CANCELLED);
    }

    @Test
    void shouldRejectASymbolOnAnotherPartitionThanItsKeyHashesTo() {
        PartitionState p1 = new PartitionState(1, TestInstruments.all(), BookSettings.defaults(), s -> 0);
        Outcome o = p1.apply(Incoming.of(1, 0, T0, "c", limit("c-1", "a", "BUY", "100.00", "1")));
        assertThat(o.result().reject().code()).isEqualTo(Reject.WRONG_PARTITION);
        assertThat(p1.books()).isEmpty();
    }

    @Test
    void shouldGiveTheSameEventsAfterARestoredSnapshotAsWithoutOne() {
        List<OrderRequest> stream = RandomOrders.stream(42, 20_000, List.of("AAPL", "BTC-USD", "ETH-USD"));
        List<Outcome> uninterrupted = new ArrayList<>();
        for (OrderRequest r : stream) {
            uninterrupted.add(apply(r));
        }

        PartitionState first = new PartitionState(0, TestInstruments.all(), BookSettings.defaults(), s -> 0);
        List<Outcome> recovered = new ArrayList<>();
        for (int i = 0; i < 9_000; i++) {
            recovered.add(first.apply(Incoming.of(0, i, T0 + i, "cmd-" + i, stream.get(i))));
        }
        PartitionState restored = PartitionState.fromBytes(first.toBytes(), TestInstruments.all(), BookSettings.defaults(),
                s -> 0);
        assertThat(restored.toBytes()).isEqualTo(first.toBytes());
        for (int i = 9_000; i < stream.size(); i++) {
            recovered.add(restored.apply(Incoming.of(0, i, T0 + i, "cmd-" + i, stream.get(i))));
        }

        assertThat(recovered).isEqualTo(uninterrupted);
        assertThat(restored.toBytes()).isEqualTo(state.toBytes());
        long trades = uninterrupted.stream().flatMap(o -> o.executions().stream())
                .filter(e -> e.type().equals(EventTypes.ORDER_FILLED)).count();
        assertThat(trades).as("the stream trades").isGreaterThan(1_000);
    }

    @Test
    void shouldEncodeAFrozenStateAsItWasWhenFrozenWhileTheStateGoesOn() {
        // a small clientOrderId window, so that remembered ids are also forgotten after the freeze
        BookSettings small = new BookSettings(BookSettings.defaults().selfTradePrevention(), 500);
        List<OrderRequest> stream = RandomOrders.stream(7, 12_000, List.of("AAPL", "BTC-USD", "ETH-USD"));
        PartitionState running = new PartitionState(0, TestInstruments.all(), small, s -> 0);
        PartitionState stopped = new PartitionState(0, TestInstruments.all(), small, s -> 0);
        for (int i = 0; i < 6_000; i++) {
            running.apply(Incoming.of(0, i, T0 + i, "cmd-" + i, stream.get(i)));
            stopped.apply(Incoming.of(0, i, T0 + i, "cmd-" + i, stream.get(i)));
        }
        PartitionState.Frozen frozen = running.freeze();
        for (int i = 6_000; i < stream.size(); i++) {
            running.apply(Incoming.of(0, i, T0 + i, "cmd-" + i, stream.get(i)));
        }

        assertThat(frozen.nextOffset()).isEqualTo(6_000);
        assertThat(PartitionState.toBytes(frozen)).as("the frozen copy is not touched by later records")
                .isEqualTo(stopped.toBytes())
                .isNotEqualTo(running.toBytes());
        PartitionState restored = PartitionState.fromBytes(PartitionState.toBytes(frozen), TestInstruments.all(), small, s -> 0);
        for (int i = 6_000; i < stream.size(); i++) {
            restored.apply(Incoming.of(0, i, T0 + i, "cmd-" + i, stream.get(i)));
        }
        assertThat(restored.toBytes()).isEqualTo(running.toBytes());
    }
}
