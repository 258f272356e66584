package io.ztrade.orderbook.engine;

import static io.ztrade.orderbook.engine.CancelReason.FILL_OR_KILL;
import static io.ztrade.orderbook.engine.CancelReason.IOC_REMAINDER;
import static io.ztrade.orderbook.engine.CancelReason.MARKET_REMAINDER;
import static io.ztrade.orderbook.engine.CancelReason.SELF_TRADE;
import static io.ztrade.orderbook.engine.CancelReason.USER;
import static io.ztrade.orderbook.engine.Events.accepted;
import static io.ztrade.orderbook.engine.Events.acceptedMarket;
import static io.ztrade.orderbook.engine.Events.acceptedPostOnly;
import static io.ztrade.orderbook.engine.Events.amended;
import static io.ztrade.orderbook.engine.Events.cancelled;
import static io.ztrade.orderbook.engine.Events.rejected;
import static io.ztrade.orderbook.engine.Events.trade;
import static io.ztrade.orderbook.engine.Side.BUY;
import static io.ztrade.orderbook.engine.Side.SELL;
import static io.ztrade.orderbook.engine.TimeInForce.FOK;
import static io.ztrade.orderbook.engine.TimeInForce.GTC;
import static io.ztrade.orderbook.engine.TimeInForce.IOC;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules every {@link OrderBook} follows. Each implementation runs it through a subclass; every
 * command goes through {@link #run}, which checks the book's invariants after it.
 */
abstract class OrderBookContractTest {

    static final long A = 1;
    static final long B = 2;
    static final long C = 3;

    /** Prices 9000..11000 ticks of 0.01, quantities 1..1000 lots. */
    static final InstrumentSpec SPEC = new InstrumentSpec("ZT", new BigDecimal("0.01"), BigDecimal.ONE, 1, 1000, 10_000, 1_000);

    private final EventCollector collector = new EventCollector();
    private InvariantChecker checker;
    private OrderBook book;
    private List<OrderBookEvent> events;
    private long firstSequence;

    /** The implementation under test. */
    protected abstract OrderBook newBook(InstrumentSpec spec, BookConfig config, OrderBookListener listener);

    @BeforeEach
    void emptyBook() {
        useBook(BookConfig.of(SelfTradePrevention.CANCEL_RESTING));
    }

    private void useBook(BookConfig config) {
        collector.clear();
        checker = new InvariantChecker();
        book = newBook(SPEC, config, collector);
    }

    private ResultCode run(OrderCommand command) {
        firstSequence = book.sequence() + 1;
        ResultCode code = book.execute(command);
        events = collector.drain();
        checker.apply(events);
        checker.verify(book);
        if (code != ResultCode.SUCCESS) {
            assertThat(events).hasSize(1).first().isInstanceOf(OrderBookEvent.Rejected.class);
        }
        return code;
    }

    private ResultCode limit(long id, long account, Side side, long price, long qty, TimeInForce tif) {
        return run(new OrderCommand.PlaceLimit(id, account, side, price, qty, tif, false));
    }

    private ResultCode buy(long id, long account, long price, long qty) {
        return limit(id, account, BUY, price, qty, GTC);
    }

    private ResultCode sell(long id, long account, long price, long qty) {
        return limit(id, account, SELL, price, qty, GTC);
    }

    private ResultCode postOnly(long id, long account, Side side, long price, long qty) {
        return run(new OrderCommand.PlaceLimit(id, account, side, price, qty, GTC, true));
    }

    private ResultCode market(long id, long account, Side side, long qty, long protection) {
        return run(new OrderCommand.PlaceMarket(id, account, side, qty, protection));
    }

    private ResultCode cancel(long id, long account) {
        return run(new OrderCommand.Cancel(id, account));
    }

    private ResultCode amend(long id, long account, long price, long qty) {
        return run(new OrderCommand.Amend(id, account, price, qty));
    }

    private void expectEvents(OrderBookEvent... expected) {
        assertThat(events).containsExactlyElementsOf(Events.numbered(firstSequence, expected));
    }

    private void expectRejected(ResultCode actual, CommandType command, long id, long account, ResultCode code) {
        assertThat(actual).isEqualTo(code);
        expectEvents(rejected(command, id, account, code));
    }

    private List<L2Depth.Level> bids() {
        return book.depth(100).bids();
    }

    private List<L2Depth.Level> asks() {
        return book.depth(100).asks();
    }

    private static L2Depth.Level level(long price, long qty, int orders) {
        return new L2Depth.Level(price, qty, orders);
    }

    private List<Long> idsInPriorityOrder() {
        return book.snapshot().orders().stream().map(OrderInfo::orderId).toList();
    }

    // ------------------------------------------------------------------ GTC limit orders

    @Test
    void shouldRestGtcLimitWhenBookEmpty() {
        assertThat(buy(1, A, 10_000, 10)).isEqualTo(ResultCode.SUCCESS);

        expectEvents(accepted(1, A, BUY, 10_000, 10, GTC));
        assertThat(book.order(1)).isEqualTo(new OrderInfo(1, A, BUY, 10_000, 10, 0, false));
        assertThat(book.bestBid()).isEqualTo(10_000);
        assertThat(book.bestAsk()).isEqualTo(OrderBook.NO_PRICE);
    }

    @Test
    void shouldNotTradeWhenPricesDoNotCross() {
        sell(1, A, 10_001, 5);
        buy(2, B, 10_000, 5);

        expectEvents(accepted(2, B, BUY, 10_000, 5, GTC));
        assertThat(bids()).containsExactly(level(10_000, 5, 1));
        assertThat(asks()).containsExactly(level(10_001, 5, 1));
    }

    @Test
    void shouldTradeAtMakerPriceWhenBuyCrossesAsk() {
        sell(1, A, 10_000, 5);
        buy(2, B, 10_050, 5);

        expectEvents(accepted(2, B, BUY, 10_050, 5, GTC),
                trade(1, BUY, 10_000, 5, 1, 2, A, B, 0, 0));
        assertThat(book.orderCount()).isZero();
        assertThat(book.lastTradeId()).isEqualTo(1);
    }

    @Test
    void shouldMatchBestPriceFirst() {
        sell(1, A, 10_003, 1);
        sell(2, A, 10_001, 1);
        sell(3, A, 10_002, 1);
        buy(4, B, 10_005, 2);

        expectEvents(accepted(4, B, BUY, 10_005, 2, GTC),
                trade(1, BUY, 10_001, 1, 2, 4, A, B, 0, 1),
                trade(2, BUY, 10_002, 1, 3, 4, A, B, 0, 0));
        assertThat(asks()).containsExactly(level(10_003, 1, 1));
    }

    @Test
    void shouldMatchOldestOrderFirstWithinPrice() {
        buy(1, A, 9_990, 3);
        buy(2, C, 9_990, 3);
        buy(3, A, 9_990, 3);
        sell(4, B, 9_990, 4);

        expectEvents(accepted(4, B, SELL, 9_990, 4, GTC),
                trade(1, SELL, 9_990, 3, 1, 4, A, B, 0, 1),
                trade(2, SELL, 9_990, 1, 2, 4, C, B, 2, 0));
        assertThat(idsInPriorityOrder()).containsExactly(2L, 3L);
        assertThat(book.order(2)).isEqualTo(new OrderInfo(2, C, BUY, 9_990, 2, 1, false));
    }

    @Test
    void shouldSweepSeveralLevelsAndRestRemainderAtLimit() {
        sell(1, A, 10_000, 2);
        sell(2, C, 10_001, 2);
        sell(3, A, 10_005, 2);
        buy(4, B, 10_002, 10);

        expectEvents(accepted(4, B, BUY, 10_002, 10, GTC),
                trade(1, BUY, 10_000, 2, 1, 4, A, B, 0, 8),
                trade(2, BUY, 10_001, 2, 2, 4, C, B, 0, 6));
        assertThat(bids()).containsExactly(level(10_002, 6, 1));
        assertThat(asks()).containsExactly(level(10_005, 2, 1));
        assertThat(book.order(4)).isEqualTo(new OrderInfo(4, B, BUY, 10_002, 6, 4, false));
    }

    @Test
    void shouldAggregateDepthPerLevelBestFirstUpToRequestedLevels() {
        buy(1, A, 9_998, 1);
        buy(2, B, 9_999, 2);
        buy(3, C, 9_999, 3);
        buy(4, A, 9_990, 4);
        sell(5, A, 10_010, 5);
        sell(6, B, 10_001, 6);

        L2Depth two = book.depth(2);
        assertThat(two.bids()).containsExactly(level(9_999, 5, 2), level(9_998, 1, 1));
        assertThat(two.asks()).containsExactly(level(10_001, 6, 1), level(10_010, 5, 1));

        long[] prices = new long[10];
        long[] quantities = new long[10];
        int[] counts = new int[10];
        assertThat(book.depth(BUY, 10, prices, quantities, counts)).isEqualTo(3);
        assertThat(prices).startsWith(9_999, 9_998, 9_990);
        assertThat(quantities).startsWith(5, 1, 4);
        assertThat(counts).startsWith(2, 1, 1);
        assertThat(book.depth(SELL, 1, prices, quantities, counts)).isEqualTo(1);
        assertThat(prices[0]).isEqualTo(10_001);
    }

    @Test
    void shouldAcceptPricesAtBothEdgesOfBand() {
        assertThat(buy(1, A, 9_000, 1)).isEqualTo(ResultCode.SUCCESS);
        assertThat(sell(2, A, 11_000, 1)).isEqualTo(ResultCode.SUCCESS);
        assertThat(market(3, B, SELL, 1, OrderBook.NO_PROTECTION)).isEqualTo(ResultCode.SUCCESS);
        assertThat(market(4, B, BUY, 1, OrderBook.NO_PROTECTION)).isEqualTo(ResultCode.SUCCESS);

        expectEvents(acceptedMarket(4, B, BUY, 1, 0), trade(2, BUY, 11_000, 1, 2, 4, A, B, 0, 0));
        assertThat(book.orderCount()).isZero();
    }

    // ------------------------------------------------------------------ IOC

    @Test
    void shouldCancelIocInFullWhenBookEmpty() {
        assertThat(limit(1, A, BUY, 10_000, 5, IOC)).isEqualTo(ResultCode.SUCCESS);

        expectEvents(accepted(1, A, BUY, 10_000, 5, IOC), cancelled(1, A, BUY, 10_000, 5, IOC_REMAINDER));
        assertThat(book.orderCount()).isZero();
    }

    @Test
    void shouldCancelIocRemainderAfterPartialFill() {
        sell(1, A, 10_000, 3);
        sell(2, A, 10_002, 3);
        limit(3, B, BUY, 10_001, 5, IOC);

        expectEvents(accepted(3, B, BUY, 10_001, 5, IOC),
                trade(1, BUY, 10_000, 3, 1, 3, A, B, 0, 2),
                cancelled(3, B, BUY, 10_001, 2, IOC_REMAINDER));
        assertThat(book.order(3)).isNull();
        assertThat(asks()).containsExactly(level(10_002, 3, 1));
    }

    @Test
    void shouldFillIocCompletelyWithoutCancelEvent() {
        buy(1, A, 10_000, 5);
        limit(2, B, SELL, 9_999, 5, IOC);

        expectEvents(accepted(2, B, SELL, 9_999, 5, IOC), trade(1, SELL, 10_000, 5, 1, 2, A, B, 0, 0));
    }

    // ------------------------------------------------------------------ FOK

    @Test
    void shouldFillFokAcrossLevels() {
        sell(1, A, 10_000, 3);
        sell(2, C, 10_001, 3);
        limit(3, B, BUY, 10_001, 5, FOK);

        expectEvents(accepted(3, B, BUY, 10_001, 5, FOK),
                trade(1, BUY, 10_000, 3, 1, 3, A, B, 0, 2),
                trade(2, BUY, 10_001, 2, 2, 3, C, B, 1, 0));
    }

    @Test
    void shouldFillFokWhenBookHoldsExactlyItsQuantity() {
        buy(1, A, 10_000, 2);
        buy(2, C, 9_999, 3);
        limit(3, B, SELL, 9_999, 5, FOK);

        expectEvents(accepted(3, B, SELL, 9_999, 5, FOK),
                trade(1, SELL, 10_000, 2, 1, 3, A, B, 0, 3),
                trade(2, SELL, 9_999, 3, 2, 3, C, B, 0, 0));
        assertThat(book.orderCount()).isZero();
    }

    @Test
    void shouldKillFokThatBookCannotFillCompletely() {
        sell(1, A, 10_000, 3);
        sell(2, C, 10_001, 1);
        limit(3, B, BUY, 10_005, 5, FOK);

        expectEvents(accepted(3, B, BUY, 10_005, 5, FOK), cancelled(3, B, BUY, 10_005, 5, FILL_OR_KILL));
        assertThat(asks()).containsExactly(level(10_000, 3, 1), level(10_001, 1, 1));
        assertThat(book.lastTradeId()).isZero();
    }

    @Test
    void shouldKillFokWhenLiquidityLiesBeyondItsLimit() {
        sell(1, A, 10_000, 3);
        sell(2, C, 10_002, 10);
        limit(3, B, BUY, 10_001, 5, FOK);

        expectEvents(accepted(3, B, BUY, 10_001, 5, FOK), cancelled(3, B, BUY, 10_001, 5, FILL_OR_KILL));
    }

    @Test
    void shouldKillFokWhenBookEmpty() {
        limit(1, A, SELL, 10_000, 1, FOK);

        expectEvents(accepted(1, A, SELL, 10_000, 1, FOK), cancelled(1, A, SELL, 10_000, 1, FILL_OR_KILL));
    }

    // ------------------------------------------------------------------ market orders

    @Test
    void shouldFillMarketOrderAcrossLevels() {
        sell(1, A, 10_000, 2);
        sell(2, C, 10_700, 2);
        market(3, B, BUY, 3, OrderBook.NO_PROTECTION);

        expectEvents(acceptedMarket(3, B, BUY, 3, 0),
                trade(1, BUY, 10_000, 2, 1, 3, A, B, 0, 1),
                trade(2, BUY, 10_700, 1, 2, 3, C, B, 1, 0));
    }

    @Test
    void shouldCancelMarketRemainderWhenBookExhausted() {
        buy(1, A, 9_500, 2);
        market(2, B, SELL, 5, OrderBook.NO_PROTECTION);

        expectEvents(acceptedMarket(2, B, SELL, 5, 0),
                trade(1, SELL, 9_500, 2, 1, 2, A, B, 0, 3),
                cancelled(2, B, SELL, 0, 3, MARKET_REMAINDER));
        assertThat(book.orderCount()).isZero();
    }

    @Test
    void shouldCancelMarketOrderInFullWhenBookEmpty() {
        market(1, A, BUY, 5, OrderBook.NO_PROTECTION);

        expectEvents(acceptedMarket(1, A, BUY, 5, 0), cancelled(1, A, BUY, 0, 5, MARKET_REMAINDER));
    }

    @Test
    void shouldNeverRestMarketOrder() {
        sell(1, A, 10_000, 1);
        market(2, B, BUY, 2, OrderBook.NO_PROTECTION);

        assertThat(book.order(2)).isNull();
        assertThat(book.orderCount()).isZero();
    }

    @Test
    void shouldStopBuyMarketAtProtectionPrice() {
        sell(1, A, 10_000, 2);
        sell(2, C, 10_001, 2);
        sell(3, C, 10_002, 2);
        market(4, B, BUY, 10, 10_001);

        expectEvents(acceptedMarket(4, B, BUY, 10, 10_001),
                trade(1, BUY, 10_000, 2, 1, 4, A, B, 0, 8),
                trade(2, BUY, 10_001, 2, 2, 4, C, B, 0, 6),
                cancelled(4, B, BUY, 10_001, 6, MARKET_REMAINDER));
        assertThat(asks()).containsExactly(level(10_002, 2, 1));
    }

    @Test
    void shouldNotFillSellMarketBelowProtectionPrice() {
        buy(1, A, 9_990, 2);
        market(2, B, SELL, 2, 9_995);

        expectEvents(acceptedMarket(2, B, SELL, 2, 9_995), cancelled(2, B, SELL, 9_995, 2, MARKET_REMAINDER));
        assertThat(bids()).containsExactly(level(9_990, 2, 1));
    }

    @Test
    void shouldTreatProtectionBeyondBandAsNoLimit() {
        sell(1, A, 10_900, 1);
        buy(2, A, 9_100, 1);
        market(3, B, BUY, 1, 50_000);
        market(4, B, SELL, 1, 1);

        expectEvents(acceptedMarket(4, B, SELL, 1, 1), trade(2, SELL, 9_100, 1, 2, 4, A, B, 0, 0));
        assertThat(book.orderCount()).isZero();
    }

    @Test
    void shouldNotFillBuyMarketWhoseProtectionIsBelowBand() {
        sell(1, A, 9_000, 1);
        market(2, B, BUY, 1, 5);

        expectEvents(acceptedMarket(2, B, BUY, 1, 5), cancelled(2, B, BUY, 5, 1, MARKET_REMAINDER));
    }

    // ------------------------------------------------------------------ post-only

    @Test
    void shouldRestPostOnlyThatDoesNotCross() {
        sell(1, A, 10_001, 1);
        assertThat(postOnly(2, B, BUY, 10_000, 4)).isEqualTo(ResultCode.SUCCESS);

        expectEvents(acceptedPostOnly(2, B, BUY, 10_000, 4));
        assertThat(book.order(2).postOnly()).isTrue();
    }

    @Test
    void shouldRejectPostOnlyThatWouldCross() {
        sell(1, A, 10_001, 1);

        expectRejected(postOnly(2, B, BUY, 10_001, 4), CommandType.PLACE, 2, B, ResultCode.POST_ONLY_WOULD_CROSS);
        assertThat(bids()).isEmpty();
        assertThat(asks()).containsExactly(level(10_001, 1, 1));
    }

    @Test
    void shouldRejectPostOnlyWithImmediateTimeInForce() {
        expectRejected(run(new OrderCommand.PlaceLimit(1, A, BUY, 10_000, 1, IOC, true)),
                CommandType.PLACE, 1, A, ResultCode.POST_ONLY_REQUIRES_GTC);
        expectRejected(run(new OrderCommand.PlaceLimit(2, A, BUY, 10_000, 1, FOK, true)),
                CommandType.PLACE, 2, A, ResultCode.POST_ONLY_REQUIRES_GTC);
    }

    @Test
    void shouldRejectAmendMovingPostOnlyAcrossSpread() {
        sell(1, A, 10_005, 1);
        postOnly(2, B, BUY, 10_000, 4);

        expectRejected(amend(2, B, 10_005, 4), CommandType.AMEND, 2, B, ResultCode.POST_ONLY_WOULD_CROSS);
        assertThat(book.order(2)).isEqualTo(new OrderInfo(2, B, BUY, 10_000, 4, 0, true));
    }

    @Test
    void shouldLetPostOnlyMoveToPriceThatDoesNotCross() {
        sell(1, A, 10_005, 1);
        postOnly(2, B, BUY, 10_000, 4);
        amend(2, B, 10_004, 4);

        expectEvents(amended(2, B, BUY, 10_000, 10_004, 4, 4, false));
        assertThat(book.order(2)).isEqualTo(new OrderInfo(2, B, BUY, 10_004, 4, 0, true));
    }

    // ------------------------------------------------------------------ cancel

    @Test
    void shouldCancelRestingOrder() {
        buy(1, A, 10_000, 5);
        buy(2, B, 10_000, 6);

        assertThat(cancel(1, A)).isEqualTo(ResultCode.SUCCESS);
        expectEvents(cancelled(1, A, BUY, 10_000, 5, USER));
        assertThat(book.order(1)).isNull();
        assertThat(bids()).containsExactly(level(10_000, 6, 1));
    }

    @Test
    void shouldRemoveLevelWhenLastOrderCancelled() {
        buy(1, A, 10_000, 5);
        buy(2, A, 9_999, 5);
        cancel(1, A);

        assertThat(book.bestBid()).isEqualTo(9_999);
        assertThat(bids()).containsExactly(level(9_999, 5, 1));
    }

    @Test
    void shouldCancelPartiallyFilledOrderWithItsRemainder() {
        buy(1, A, 10_000, 5);
        sell(2, B, 10_000, 2);
        cancel(1, A);

        expectEvents(cancelled(1, A, BUY, 10_000, 3, USER));
    }

    @Test
    void shouldRejectCancelOfUnknownOrder() {
        expectRejected(cancel(42, A), CommandType.CANCEL, 42, A, ResultCode.UNKNOWN_ORDER);
    }

    @Test
    void shouldRejectCancelOfFilledOrder() {
        sell(1, A, 10_000, 1);
        buy(2, B, 10_000, 1);

        expectRejected(cancel(1, A), CommandType.CANCEL, 1, A, ResultCode.UNKNOWN_ORDER);
    }

    @Test
    void shouldRejectCancelTwice() {
        sell(1, A, 10_000, 1);
        cancel(1, A);

        expectRejected(cancel(1, A), CommandType.CANCEL, 1, A, ResultCode.UNKNOWN_ORDER);
    }

    @Test
    void shouldRejectCancelFromAnotherAccount() {
        sell(1, A, 10_000, 1);

        expectRejected(cancel(1, B), CommandType.CANCEL, 1, B, ResultCode.ACCOUNT_MISMATCH);
        assertThat(book.order(1)).isNotNull();
    }

    @Test
    void shouldRejectCancelWithInvalidIds() {
        expectRejected(cancel(0, A), CommandType.CANCEL, 0, A, ResultCode.INVALID_ORDER_ID);
        expectRejected(cancel(1, -1), CommandType.CANCEL, 1, -1, ResultCode.INVALID_ACCOUNT);
    }

    // ------------------------------------------------------------------ amend

    @Test
    void shouldKeepPriorityWhenReducingQuantity() {
        buy(1, A, 10_000, 5);
        buy(2, B, 10_000, 5);
        amend(1, A, 10_000, 2);

        expectEvents(amended(1, A, BUY, 10_000, 10_000, 5, 2, true));
        assertThat(idsInPriorityOrder()).containsExactly(1L, 2L);
        assertThat(bids()).containsExactly(level(10_000, 7, 2));

        sell(3, C, 10_000, 3);
        expectEvents(accepted(3, C, SELL, 10_000, 3, GTC),
                trade(1, SELL, 10_000, 2, 1, 3, A, C, 0, 1),
                trade(2, SELL, 10_000, 1, 2, 3, B, C, 4, 0));
    }

    @Test
    void shouldLosePriorityWhenIncreasingQuantity() {
        buy(1, A, 10_000, 5);
        buy(2, B, 10_000, 5);
        amend(1, A, 10_000, 8);

        expectEvents(amended(1, A, BUY, 10_000, 10_000, 5, 8, false));
        assertThat(idsInPriorityOrder()).containsExactly(2L, 1L);
        assertThat(bids()).containsExactly(level(10_000, 13, 2));
    }

    @Test
    void shouldLosePriorityWhenChangingPrice() {
        buy(1, A, 10_000, 5);
        buy(2, B, 10_001, 5);
        amend(1, A, 10_001, 5);

        expectEvents(amended(1, A, BUY, 10_000, 10_001, 5, 5, false));
        assertThat(idsInPriorityOrder()).containsExactly(2L, 1L);
        assertThat(bids()).containsExactly(level(10_001, 10, 2));
    }

    @Test
    void shouldMoveOrderAwayFromTouchKeepingFilledQuantity() {
        sell(1, A, 10_000, 5);
        buy(2, B, 10_000, 2);
        amend(1, A, 10_010, 3);

        assertThat(book.order(1)).isEqualTo(new OrderInfo(1, A, SELL, 10_010, 3, 2, false));
        assertThat(asks()).containsExactly(level(10_010, 3, 1));
    }

    @Test
    void shouldTradeWhenAmendedPriceCrossesBook() {
        sell(1, A, 10_002, 2);
        sell(2, C, 10_003, 2);
        buy(3, B, 9_990, 5);
        amend(3, B, 10_002, 6);

        expectEvents(amended(3, B, BUY, 9_990, 10_002, 5, 6, false),
                trade(1, BUY, 10_002, 2, 1, 3, A, B, 0, 4));
        assertThat(book.order(3)).isEqualTo(new OrderInfo(3, B, BUY, 10_002, 4, 2, false));
        assertThat(bids()).containsExactly(level(10_002, 4, 1));
    }

    @Test
    void shouldRemoveAmendedOrderFilledCompletelyByCrossing() {
        buy(1, A, 10_000, 5);
        sell(2, B, 10_010, 3);
        amend(2, B, 9_999, 3);

        expectEvents(amended(2, B, SELL, 10_010, 9_999, 3, 3, false),
                trade(1, SELL, 10_000, 3, 1, 2, A, B, 2, 0));
        assertThat(book.order(2)).isNull();
        assertThat(asks()).isEmpty();
    }

    @Test
    void shouldAcceptAmendThatChangesNothingKeepingPriority() {
        buy(1, A, 10_000, 5);
        buy(2, B, 10_000, 5);
        amend(1, A, 10_000, 5);

        expectEvents(amended(1, A, BUY, 10_000, 10_000, 5, 5, true));
        assertThat(idsInPriorityOrder()).containsExactly(1L, 2L);
    }

    @Test
    void shouldRejectAmendOfUnknownOrder() {
        expectRejected(amend(9, A, 10_000, 1), CommandType.AMEND, 9, A, ResultCode.UNKNOWN_ORDER);
    }

    @Test
    void shouldRejectAmendFromAnotherAccount() {
        buy(1, A, 10_000, 5);

        expectRejected(amend(1, B, 10_000, 1), CommandType.AMEND, 1, B, ResultCode.ACCOUNT_MISMATCH);
        assertThat(book.order(1).remaining()).isEqualTo(5);
    }

    @Test
    void shouldRejectAmendOutsideInstrumentLimits() {
        buy(1, A, 10_000, 5);

        expectRejected(amend(1, A, 11_001, 5), CommandType.AMEND, 1, A, ResultCode.PRICE_OUTSIDE_BAND);
        expectRejected(amend(1, A, 10_000, 1_001), CommandType.AMEND, 1, A, ResultCode.QUANTITY_ABOVE_MAX);
        expectRejected(amend(1, A, 10_000, 0), CommandType.AMEND, 1, A, ResultCode.INVALID_QUANTITY);
        expectRejected(amend(1, A, -3, 5), CommandType.AMEND, 1, A, ResultCode.INVALID_PRICE);
        assertThat(book.order(1)).isEqualTo(new OrderInfo(1, A, BUY, 10_000, 5, 0, false));
    }

    @Test
    void shouldAllowReductionBelowMinimumButNotIncreaseBelowIt() {
        InstrumentSpec minTen = new InstrumentSpec("ZT", new BigDecimal("0.01"), BigDecimal.ONE, 10, 1000, 10_000, 1_000);
        collector.clear();
        checker = new InvariantChecker();
        book = newBook(minTen, BookConfig.defaults(), collector);
        buy(1, A, 10_000, 20);
        sell(2, B, 10_000, 12);

        expectRejected(amend(1, A, 10_000, 9), CommandType.AMEND, 1, A, ResultCode.QUANTITY_BELOW_MIN);
        assertThat(amend(1, A, 10_000, 1)).isEqualTo(ResultCode.SUCCESS);
        assertThat(amend(1, A, 10_000, 10)).isEqualTo(ResultCode.SUCCESS);
    }

    // ------------------------------------------------------------------ self-trade prevention

    @Test
    void shouldCancelRestingOrderOnSelfTradeWhenCancelRestingMode() {
        sell(1, A, 10_000, 2);
        sell(2, B, 10_000, 2);
        sell(3, A, 10_001, 2);
        buy(4, A, 10_001, 5);

        expectEvents(accepted(4, A, BUY, 10_001, 5, GTC),
                cancelled(1, A, SELL, 10_000, 2, SELF_TRADE),
                trade(1, BUY, 10_000, 2, 2, 4, B, A, 0, 3),
                cancelled(3, A, SELL, 10_001, 2, SELF_TRADE));
        assertThat(book.order(4)).isEqualTo(new OrderInfo(4, A, BUY, 10_001, 3, 2, false));
        assertThat(asks()).isEmpty();
    }

    @Test
    void shouldRejectIncomingOnSelfTradeWhenRejectIncomingMode() {
        useBook(BookConfig.of(SelfTradePrevention.REJECT_INCOMING));
        sell(1, A, 10_000, 2);
        sell(2, B, 10_000, 2);

        expectRejected(buy(3, A, 10_000, 5), CommandType.PLACE, 3, A, ResultCode.SELF_TRADE_PREVENTED);
        assertThat(asks()).containsExactly(level(10_000, 4, 2));
    }

    @Test
    void shouldCancelIncomingRemainderWhenItReachesOwnOrderAfterFills() {
        useBook(BookConfig.of(SelfTradePrevention.REJECT_INCOMING));
        sell(1, B, 10_000, 2);
        sell(2, A, 10_000, 2);
        sell(3, C, 10_000, 2);
        buy(4, A, 10_000, 5);

        expectEvents(accepted(4, A, BUY, 10_000, 5, GTC),
                trade(1, BUY, 10_000, 2, 1, 4, B, A, 0, 3),
                cancelled(4, A, BUY, 10_000, 3, SELF_TRADE));
        assertThat(book.order(4)).isNull();
        assertThat(idsInPriorityOrder()).containsExactly(2L, 3L);
    }

    @Test
    void shouldRejectSelfTradingMarketOrderWhenRejectIncomingMode() {
        useBook(BookConfig.of(SelfTradePrevention.REJECT_INCOMING));
        buy(1, A, 10_000, 2);

        expectRejected(market(2, A, SELL, 1, OrderBook.NO_PROTECTION), CommandType.PLACE, 2, A,
                ResultCode.SELF_TRADE_PREVENTED);
    }

    @Test
    void shouldCancelOwnRestingOrdersHitByMarketOrder() {
        buy(1, A, 10_000, 2);
        buy(2, B, 9_999, 2);
        market(3, A, SELL, 3, OrderBook.NO_PROTECTION);

        expectEvents(acceptedMarket(3, A, SELL, 3, 0),
                cancelled(1, A, BUY, 10_000, 2, SELF_TRADE),
                trade(1, SELL, 9_999, 2, 2, 3, B, A, 0, 1),
                cancelled(3, A, SELL, 0, 1, MARKET_REMAINDER));
    }

    @Test
    void shouldNotCountOwnOrdersAsFokLiquidity() {
        sell(1, A, 10_000, 3);
        sell(2, B, 10_000, 2);
        limit(3, A, BUY, 10_000, 3, FOK);

        expectEvents(accepted(3, A, BUY, 10_000, 3, FOK), cancelled(3, A, BUY, 10_000, 3, FILL_OR_KILL));
        assertThat(asks()).as("a killed FOK cancels nothing").containsExactly(level(10_000, 5, 2));

        limit(4, A, BUY, 10_000, 2, FOK);
        expectEvents(accepted(4, A, BUY, 10_000, 2, FOK),
                cancelled(1, A, SELL, 10_000, 3, SELF_TRADE),
                trade(1, BUY, 10_000, 2, 2, 4, B, A, 0, 0));
    }

    @Test
    void shouldKillFokThatWouldReachOwnOrderWhenRejectIncomingMode() {
        useBook(BookConfig.of(SelfTradePrevention.REJECT_INCOMING));
        sell(1, B, 10_000, 2);
        sell(2, A, 10_000, 3);
        sell(3, C, 10_001, 5);
        limit(4, A, BUY, 10_001, 4, FOK);

        expectEvents(accepted(4, A, BUY, 10_001, 4, FOK), cancelled(4, A, BUY, 10_001, 4, FILL_OR_KILL));

        limit(5, A, BUY, 10_001, 2, FOK);
        expectEvents(accepted(5, A, BUY, 10_001, 2, FOK), trade(1, BUY, 10_000, 2, 1, 5, B, A, 0, 0));
    }

    @Test
    void shouldApplySelfTradePreventionToCrossingAmend() {
        sell(1, A, 10_001, 2);
        sell(2, B, 10_001, 2);
        buy(3, A, 10_000, 3);
        amend(3, A, 10_001, 3);

        expectEvents(amended(3, A, BUY, 10_000, 10_001, 3, 3, false),
                cancelled(1, A, SELL, 10_001, 2, SELF_TRADE),
                trade(1, BUY, 10_001, 2, 2, 3, B, A, 0, 1));
        assertThat(book.order(3)).isEqualTo(new OrderInfo(3, A, BUY, 10_001, 1, 2, false));
    }

    @Test
    void shouldRejectCrossingAmendOntoOwnOrderWhenRejectIncomingMode() {
        useBook(BookConfig.of(SelfTradePrevention.REJECT_INCOMING));
        sell(1, A, 10_001, 2);
        buy(2, A, 10_000, 3);

        expectRejected(amend(2, A, 10_001, 3), CommandType.AMEND, 2, A, ResultCode.SELF_TRADE_PREVENTED);
        assertThat(book.order(2)).isEqualTo(new OrderInfo(2, A, BUY, 10_000, 3, 0, false));
    }

    @Test
    void shouldCancelAmendedRemainderWhenItReachesOwnOrderAfterFills() {
        useBook(BookConfig.of(SelfTradePrevention.REJECT_INCOMING));
        sell(1, B, 10_001, 1);
        sell(2, A, 10_002, 2);
        buy(3, A, 10_000, 3);
        amend(3, A, 10_002, 3);

        expectEvents(amended(3, A, BUY, 10_000, 10_002, 3, 3, false),
                trade(1, BUY, 10_001, 1, 1, 3, B, A, 0, 2),
                cancelled(3, A, BUY, 10_002, 2, SELF_TRADE));
        assertThat(book.order(3)).isNull();
        assertThat(asks()).containsExactly(level(10_002, 2, 1));
    }

    @Test
    void shouldAllowOwnOrdersOnBothSidesWhenTheyDoNotCross() {
        useBook(BookConfig.of(SelfTradePrevention.REJECT_INCOMING));
        buy(1, A, 9_999, 1);

        assertThat(sell(2, A, 10_000, 1)).isEqualTo(ResultCode.SUCCESS);
        assertThat(book.orderCount()).isEqualTo(2);
    }

    // ------------------------------------------------------------------ validation

    @Test
    void shouldRejectMalformedLimitOrders() {
        expectRejected(limit(0, A, BUY, 10_000, 1, GTC), CommandType.PLACE, 0, A, ResultCode.INVALID_ORDER_ID);
        expectRejected(limit(-5, A, BUY, 10_000, 1, GTC), CommandType.PLACE, -5, A, ResultCode.INVALID_ORDER_ID);
        expectRejected(limit(1, 0, BUY, 10_000, 1, GTC), CommandType.PLACE, 1, 0, ResultCode.INVALID_ACCOUNT);
        expectRejected(limit(1, A, null, 10_000, 1, GTC), CommandType.PLACE, 1, A, ResultCode.INVALID_SIDE);
        expectRejected(limit(1, A, BUY, 10_000, 1, null), CommandType.PLACE, 1, A, ResultCode.INVALID_TIME_IN_FORCE);
        expectRejected(limit(1, A, BUY, 0, 1, GTC), CommandType.PLACE, 1, A, ResultCode.INVALID_PRICE);
        expectRejected(limit(1, A, BUY, -10_000, 1, GTC), CommandType.PLACE, 1, A, ResultCode.INVALID_PRICE);
        expectRejected(limit(1, A, BUY, 10_000, 0, GTC), CommandType.PLACE, 1, A, ResultCode.INVALID_QUANTITY);
        expectRejected(limit(1, A, BUY, 10_000, -1, GTC), CommandType.PLACE, 1, A, ResultCode.INVALID_QUANTITY);
        assertThat(book.orderCount()).isZero();
        assertThat(book.sequence()).isEqualTo(9);
    }

    @Test
    void shouldRejectPricesOutsideBand() {
        expectRejected(buy(1, A, 8_999, 1), CommandType.PLACE, 1, A, ResultCode.PRICE_OUTSIDE_BAND);
        expectRejected(sell(2, A, 11_001, 1), CommandType.PLACE, 2, A, ResultCode.PRICE_OUTSIDE_BAND);
        expectRejected(sell(3, A, Long.MAX_VALUE, 1), CommandType.PLACE, 3, A, ResultCode.PRICE_OUTSIDE_BAND);
    }

    @Test
    void shouldRejectQuantitiesOutsideInstrumentLimits() {
        InstrumentSpec minFive = new InstrumentSpec("ZT", new BigDecimal("0.01"), BigDecimal.ONE, 5, 1000, 10_000, 1_000);
        collector.clear();
        checker = new InvariantChecker();
        book = newBook(minFive, BookConfig.defaults(), collector);

        expectRejected(buy(1, A, 10_000, 4), CommandType.PLACE, 1, A, ResultCode.QUANTITY_BELOW_MIN);
        expectRejected(buy(1, A, 10_000, 1_001), CommandType.PLACE, 1, A, ResultCode.QUANTITY_ABOVE_MAX);
        expectRejected(market(1, A, BUY, 4, 0), CommandType.PLACE, 1, A, ResultCode.QUANTITY_BELOW_MIN);
        expectRejected(market(1, A, BUY, Long.MAX_VALUE, 0), CommandType.PLACE, 1, A, ResultCode.QUANTITY_ABOVE_MAX);
        assertThat(buy(1, A, 10_000, 5)).isEqualTo(ResultCode.SUCCESS);
        assertThat(buy(2, A, 10_000, 1_000)).isEqualTo(ResultCode.SUCCESS);
    }

    @Test
    void shouldRejectMalformedMarketOrders() {
        expectRejected(market(0, A, BUY, 1, 0), CommandType.PLACE, 0, A, ResultCode.INVALID_ORDER_ID);
        expectRejected(market(1, -2, BUY, 1, 0), CommandType.PLACE, 1, -2, ResultCode.INVALID_ACCOUNT);
        expectRejected(market(1, A, null, 1, 0), CommandType.PLACE, 1, A, ResultCode.INVALID_SIDE);
        expectRejected(market(1, A, BUY, 1, -1), CommandType.PLACE, 1, A, ResultCode.INVALID_PRICE);
        expectRejected(market(1, A, BUY, 0, 0), CommandType.PLACE, 1, A, ResultCode.INVALID_QUANTITY);
    }

    @Test
    void shouldRejectDuplicateIdOfRestingOrder() {
        buy(1, A, 10_000, 1);

        expectRejected(sell(1, B, 10_500, 1), CommandType.PLACE, 1, B, ResultCode.DUPLICATE_ORDER_ID);
        expectRejected(market(1, B, SELL, 1, 0), CommandType.PLACE, 1, B, ResultCode.DUPLICATE_ORDER_ID);
        assertThat(book.order(1).account()).isEqualTo(A);
    }

    @Test
    void shouldRejectDuplicateIdOfOrderAlreadyFilledOrCancelled() {
        sell(1, A, 10_000, 1);
        buy(2, B, 10_000, 1);
        limit(3, A, BUY, 10_000, 1, IOC);
        buy(4, A, 9_000, 1);
        cancel(4, A);

        for (long id = 1; id <= 4; id++) {
            expectRejected(buy(id, C, 9_500, 1), CommandType.PLACE, id, C, ResultCode.DUPLICATE_ORDER_ID);
        }
    }

    @Test
    void shouldNotRememberIdOfRejectedOrder() {
        buy(1, A, 1, 1);

        assertThat(buy(1, A, 10_000, 1)).isEqualTo(ResultCode.SUCCESS);
    }

    @Test
    void shouldForgetIdsOlderThanDuplicateWindowUnlessResting() {
        useBook(new BookConfig(SelfTradePrevention.CANCEL_RESTING, 2, 4));
        buy(1, A, 9_000, 1);
        limit(2, A, BUY, 9_000, 1, IOC);
        limit(3, A, BUY, 9_000, 1, IOC);
        limit(4, A, BUY, 9_000, 1, IOC);

        expectRejected(buy(1, A, 9_000, 1), CommandType.PLACE, 1, A, ResultCode.DUPLICATE_ORDER_ID);
        expectRejected(buy(4, A, 9_000, 1), CommandType.PLACE, 4, A, ResultCode.DUPLICATE_ORDER_ID);
        assertThat(buy(2, A, 9_000, 1)).as("id 2 fell out of a window of two").isEqualTo(ResultCode.SUCCESS);
    }

    // ------------------------------------------------------------------ sequences, lookups, snapshots

    @Test
    void shouldNumberEveryEventConsecutivelyIncludingRejections() {
        buy(1, A, 10_000, 1);
        buy(1, A, 10_000, 1);
        sell(2, B, 10_000, 2);
        cancel(2, B);

        // accepted 1, rejected duplicate, accepted 2, trade, cancelled remainder of 2
        assertThat(book.sequence()).isEqualTo(5);
        assertThat(book.lastTradeId()).isEqualTo(1);
        assertThat(events.get(0).sequence()).isEqualTo(5);
    }

    @Test
    void shouldReturnNullForOrderThatIsNotResting() {
        assertThat(book.order(1)).isNull();
        assertThat(book.order(0)).isNull();
        assertThat(book.order(-1)).isNull();
    }

    @Test
    void shouldRestoreSnapshotIntoIdenticalBook() {
        buy(1, A, 10_000, 3);
        buy(2, B, 10_000, 4);
        buy(3, C, 9_990, 5);
        sell(4, A, 10_010, 6);
        postOnly(5, B, SELL, 10_020, 7);
        sell(6, C, 10_000, 1);
        limit(7, A, BUY, 9_000, 1, IOC);
        BookSnapshot snapshot = BookSnapshot.fromBytes(book.snapshot().toBytes());

        EventCollector restoredEvents = new EventCollector();
        OrderBook restored = newBook(SPEC, BookConfig.defaults(), restoredEvents);
        restored.placeLimit(99, A, SELL, 9_500, 10, GTC, false);
        assertThat(restored.restore(snapshot)).isEqualTo(ResultCode.SUCCESS);

        assertThat(restored.snapshot()).isEqualTo(book.snapshot());
        assertThat(restored.depth(10)).isEqualTo(book.depth(10));
        assertThat(restored.order(1)).isEqualTo(book.order(1));
        restoredEvents.clear();

        sell(8, C, 9_990, 9);
        restored.placeLimit(8, C, SELL, 9_990, 9, GTC, false);
        assertThat(restoredEvents.drain()).isEqualTo(events);
        buy(7, B, 10_000, 1);
        restored.placeLimit(7, B, BUY, 10_000, 1, GTC, false);
        assertThat(restoredEvents.drain()).isEqualTo(events);
    }

    @Test
    void shouldRefuseSnapshotOfAnotherSymbolAndKeepState() {
        buy(1, A, 10_000, 3);
        BookSnapshot other = new BookSnapshot("OTHER", 0, 0, List.of(), new long[0]);

        assertThat(book.restore(other)).isEqualTo(ResultCode.SNAPSHOT_SYMBOL_MISMATCH);
        assertThat(book.order(1)).isNotNull();
    }

    @Test
    void shouldRefuseSnapshotThatBookCannotHold() {
        buy(1, A, 10_000, 3);
        BookSnapshot before = book.snapshot();
        List<BookSnapshot> invalid = List.of(
                snapshotOf(new OrderInfo(1, A, BUY, 10_000, 1, 0, false), new OrderInfo(1, B, SELL, 10_001, 1, 0, false)),
                snapshotOf(new OrderInfo(1, A, BUY, 10_001, 1, 0, false), new OrderInfo(2, B, SELL, 10_001, 1, 0, false)),
                snapshotOf(new OrderInfo(1, A, BUY, 8_000, 1, 0, false)),
                snapshotOf(new OrderInfo(1, A, BUY, 10_000, 0, 0, false)),
                snapshotOf(new OrderInfo(1, 0, BUY, 10_000, 1, 0, false)),
                new BookSnapshot("ZT", 0, 0, List.of(), new long[] {5, 5}),
                new BookSnapshot("ZT", -1, 0, List.of(), new long[0]));

        for (BookSnapshot snapshot : invalid) {
            assertThat(book.restore(snapshot)).as("%s", snapshot.orders()).isEqualTo(ResultCode.SNAPSHOT_INVALID);
        }
        assertThat(book.snapshot()).isEqualTo(before);
    }

    private static BookSnapshot snapshotOf(OrderInfo... orders) {
        return new BookSnapshot("ZT", 10, 0, List.of(orders), new long[0]);
    }
}
