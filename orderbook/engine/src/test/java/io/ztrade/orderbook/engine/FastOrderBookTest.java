package io.ztrade.orderbook.engine;

/** The {@link OrderBook} contract on {@link FastOrderBook}. */
class FastOrderBookTest extends OrderBookContractTest {

    @Override
    protected OrderBook newBook(InstrumentSpec spec, BookConfig config, OrderBookListener listener) {
        return new FastOrderBook(spec, config, listener);
    }
}
