package io.ztrade.bench.orderbook;

import exchange.core2.collections.objpool.ObjectsPool;
import exchange.core2.core.common.CoreSymbolSpecification;
import exchange.core2.core.common.MatcherTradeEvent;
import exchange.core2.core.common.OrderAction;
import exchange.core2.core.common.OrderType;
import exchange.core2.core.common.SymbolType;
import exchange.core2.core.common.cmd.CommandResultCode;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.common.cmd.OrderCommandType;
import exchange.core2.core.common.config.LoggingConfiguration;
import exchange.core2.core.orderbook.IOrderBook;
import exchange.core2.core.orderbook.OrderBookDirectImpl;
import exchange.core2.core.orderbook.OrderBookEventsHelper;

/**
 * Drives exchange-core 0.5.3's {@code OrderBookDirectImpl} (its fastest book) with the same stream:
 * one reused {@link OrderCommand}, {@link IOrderBook#processCommand}, trade events walked into a
 * checksum. exchange-core has no self-trade prevention, so the rare self-match trades there while
 * the Ztrade book cancels the resting order; the following commands are the same either way.
 */
final class ExchangeCoreDriver implements BookDriver {

    private static final CoreSymbolSpecification SYMBOL = CoreSymbolSpecification.builder()
            .symbolId(1)
            .type(SymbolType.FUTURES_CONTRACT)
            .baseCurrency(1)
            .quoteCurrency(2)
            .baseScaleK(1)
            .quoteScaleK(1)
            .takerFee(0)
            .makerFee(0)
            .build();

    private final ExchangeCoreMix mix;
    private final OrderCommand command = new OrderCommand();
    private IOrderBook book;
    private long checksum;

    ExchangeCoreDriver(ExchangeCoreMix mix) {
        this.mix = mix;
        reset();
    }

    @Override
    public void reset() {
        book = new OrderBookDirectImpl(SYMBOL, ObjectsPool.createDefaultTestPool(),
                OrderBookEventsHelper.NON_POOLED_EVENTS_HELPER, LoggingConfiguration.DEFAULT);
        for (int i = 0; i < mix.prefill.size(); i++) {
            apply(mix.prefill, i);
        }
    }

    @Override
    public void apply(CommandStream s, int i) {
        OrderCommand cmd = command;
        cmd.matcherEvent = null;
        // What exchange-core's risk stage sets before its matching engine accepts a new order.
        cmd.resultCode = CommandResultCode.VALID_FOR_MATCHING_ENGINE;
        cmd.orderId = s.orderId[i];
        cmd.uid = s.account[i];
        cmd.symbol = 1;
        cmd.price = s.price[i];
        switch (s.type[i]) {
            case CommandStream.GTC, CommandStream.IOC -> {
                cmd.command = OrderCommandType.PLACE_ORDER;
                cmd.orderType = s.type[i] == CommandStream.GTC ? OrderType.GTC : OrderType.IOC;
                cmd.action = s.buy[i] ? OrderAction.BID : OrderAction.ASK;
                cmd.reserveBidPrice = s.price[i];
                cmd.size = s.quantity[i];
            }
            case CommandStream.CANCEL -> cmd.command = OrderCommandType.CANCEL_ORDER;
            default -> cmd.command = OrderCommandType.MOVE_ORDER;
        }
        long sum = IOrderBook.processCommand(book, cmd).getCode();
        for (MatcherTradeEvent e = cmd.matcherEvent; e != null; e = e.nextEvent) {
            sum += e.price * e.size + e.matchedOrderId;
        }
        checksum += sum;
    }

    @Override
    public long checksum() {
        return checksum;
    }
}
