package io.ztrade.orderbook.engine;

/** The {@link OrderBook} contract on {@link ReferenceOrderBook}. */
class ReferenceOrderBookTest extends OrderBookContractTest {

    @Override
    protected OrderBook newBook(InstrumentSpec spec, BookConfig config, OrderBookListener listener) {
        return new ReferenceOrderBook(spec, config, listener);
    }
}
