package io.ztrade.bench.orderbook;

import io.ztrade.orderbook.engine.BookConfig;
import io.ztrade.orderbook.engine.FastOrderBook;
import io.ztrade.orderbook.engine.InstrumentSpec;
import io.ztrade.orderbook.engine.OrderBook;
import io.ztrade.orderbook.engine.OrderInfo;
import io.ztrade.orderbook.engine.OrderBookListener;
import io.ztrade.orderbook.engine.CancelReason;
import io.ztrade.orderbook.engine.CommandType;
import io.ztrade.orderbook.engine.OrderType;
import io.ztrade.orderbook.engine.ResultCode;
import io.ztrade.orderbook.engine.SelfTradePrevention;
import io.ztrade.orderbook.engine.Side;
import io.ztrade.orderbook.engine.TimeInForce;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates exchange-core's published single-symbol benchmark mix: 9% GTC orders, 3% IOC orders,
 * 6% cancels and 82% moves (price changes of resting orders), with 1,000 accounts and a book kept
 * near 5,000 resting orders (exchange-core's own run keeps about 1,000). exchange-core reports about
 * 6% of its messages triggering trades; holding 5,000 orders with these shares allows about 5% here
 * (every trade that fills an order removes one, and only 9% GTC minus 6% cancels add them), which
 * {@link #tradingPercent} reports.
 *
 * <p>The stream is generated against a shadow {@link FastOrderBook}, so every cancel and move names
 * an order that is resting at that moment (with its owner's account). A prefill of GTC orders builds
 * the starting book; the measured stream follows.
 */
public final class ExchangeCoreMix {

    /** Reference price 1000.00 in ticks of 0.01; band +-10%. */
    public static final InstrumentSpec SPEC =
            new InstrumentSpec("BENCH", new BigDecimal("0.01"), BigDecimal.ONE, 1, 1_000_000, 100_000, 10_000);

    /** Commands that build the starting book (all GTC, none crossing). */
    public final CommandStream prefill;
    /** The measured commands. */
    public final CommandStream commands;
    /** Resting orders after the prefill. */
    public final int startingOrders;
    /** Resting orders at the end of the measured stream. */
    public final int endingOrders;
    /** Share of measured commands that produced at least one trade, in percent. */
    public final double tradingPercent;

    private ExchangeCoreMix(CommandStream prefill, CommandStream commands, int startingOrders, int endingOrders,
            double tradingPercent) {
        this.prefill = prefill;
        this.commands = commands;
        this.startingOrders = startingOrders;
        this.endingOrders = endingOrders;
        this.tradingPercent = tradingPercent;
    }

    /** Book configuration used by the benchmarks (cancel-resting self-trade prevention). */
    public static BookConfig bookConfig(int targetOrders) {
        return new BookConfig(SelfTradePrevention.CANCEL_RESTING, Integer.getInteger("win", BookConfig.DEFAULT_DUPLICATE_WINDOW), targetOrders * 2);
    }

    /** Generates a prefill of {@code targetOrders} orders and {@code count} measured commands. */
    public static ExchangeCoreMix generate(long seed, int targetOrders, int accounts, int count) {
        return new Generator(seed, targetOrders, accounts).run(count);
    }

    private static final class Generator implements OrderBookListener {
        private final SplittableRandom random;
        private final int target;
        private final int accounts;
        private final OrderBook shadow;
        private final List<Long> live = new ArrayList<>();
        private final Map<Long, Integer> position = new HashMap<>();
        private final List<Long> touched = new ArrayList<>();
        private long nextId = 1;
        private boolean traded;

        Generator(long seed, int target, int accounts) {
            this.random = new SplittableRandom(seed);
            this.target = target;
            this.accounts = accounts;
            this.shadow = new FastOrderBook(SPEC, bookConfig(target), this);
        }

        ExchangeCoreMix run(int count) {
            CommandStream prefill = new CommandStream(target);
            for (int i = 0; i < target; i++) {
                boolean buy = (i & 1) == 0;
                long price = passivePrice(buy);
                long id = nextId++;
                long account = account();
                long qty = quantity();
                prefill.add(CommandStream.GTC, buy, id, account, price, qty);
                apply(CommandStream.GTC, buy, id, account, price, qty);
            }
            int starting = live.size();
            CommandStream commands = new CommandStream(count);
            int trading = 0;
            for (int i = 0; i < count; i++) {
                int r = random.nextInt(100);
                // Feedback that keeps the book near its target size: a fuller book trades more.
                double pressure = Math.min(1.0, (double) live.size() / target);
                pressure = Math.pow(pressure, 16);
                byte type;
                boolean buy;
                long id;
                long account;
                long price;
                long qty;
                if (r < 9 || live.isEmpty()) {
                    type = CommandStream.GTC;
                    buy = random.nextBoolean();
                    id = nextId++;
                    account = account();
                    qty = quantity();
                    price = random.nextDouble() < 0.25 * pressure ? aggressivePrice(buy) : passivePrice(buy);
                } else if (r < 12) {
                    type = CommandStream.IOC;
                    buy = random.nextBoolean();
                    id = nextId++;
                    account = account();
                    qty = 1 + random.nextInt(3); // small: mostly partial fills of the best order
                    price = aggressivePrice(buy);
                } else {
                    OrderInfo order = shadow.order(live.get(random.nextInt(live.size())));
                    buy = order.side() == Side.BUY;
                    id = order.orderId();
                    account = order.account();
                    qty = order.remaining();
                    if (r < 18) {
                        type = CommandStream.CANCEL;
                        price = order.price();
                    } else {
                        type = CommandStream.MOVE;
                        price = random.nextDouble() < 0.02 * pressure ? touchPrice(buy) : passivePrice(buy);
                        if (price == order.price()) {
                            price += buy ? -1 : 1;
                        }
                    }
                }
                commands.add(type, buy, id, account, price, qty);
                traded = false;
                apply(type, buy, id, account, price, qty);
                if (traded) {
                    trading++;
                }
            }
            return new ExchangeCoreMix(prefill, commands, starting, live.size(), 100.0 * trading / count);
        }

        private void apply(byte type, boolean buy, long id, long account, long price, long qty) {
            Side side = buy ? Side.BUY : Side.SELL;
            ResultCode code = switch (type) {
                case CommandStream.GTC -> shadow.placeLimit(id, account, side, price, qty, TimeInForce.GTC, false);
                case CommandStream.IOC -> shadow.placeLimit(id, account, side, price, qty, TimeInForce.IOC, false);
                case CommandStream.CANCEL -> shadow.cancel(id, account);
                default -> shadow.amend(id, account, price, qty);
            };
            if (code != ResultCode.SUCCESS) {
                throw new IllegalStateException("generated a rejected command: " + code);
            }
            for (long t : touched) {
                boolean resting = shadow.order(t) != null;
                Integer at = position.get(t);
                if (resting && at == null) {
                    position.put(t, live.size());
                    live.add(t);
                } else if (!resting && at != null) {
                    position.remove(t);
                    long last = live.remove(live.size() - 1);
                    if (last != t) {
                        live.set(at, last);
                        position.put(last, at);
                    }
                }
            }
            touched.clear();
        }

        private long mid() {
            long bid = shadow.bestBid();
            long ask = shadow.bestAsk();
            if (bid != OrderBook.NO_PRICE && ask != OrderBook.NO_PRICE) {
                return (bid + ask) / 2;
            }
            return bid != OrderBook.NO_PRICE ? bid + 1 : ask != OrderBook.NO_PRICE ? ask - 1 : SPEC.referencePrice();
        }

        /** A price on its own side of the book: 1 to ~1,000 ticks away from the mid. */
        private long passivePrice(boolean buy) {
            long mid = mid();
            long offset = 1 + (long) Math.abs(random.nextGaussian() * 300);
            long bid = shadow.bestBid();
            long ask = shadow.bestAsk();
            long price = buy ? mid - offset : mid + offset;
            if (buy && ask != OrderBook.NO_PRICE && price >= ask) {
                price = ask - 1;
            } else if (!buy && bid != OrderBook.NO_PRICE && price <= bid) {
                price = bid + 1;
            }
            return Math.clamp(price, SPEC.minPrice(), SPEC.maxPrice());
        }

        /** The best opposite price: trades with the orders at the touch only. */
        private long touchPrice(boolean buy) {
            long opposite = buy ? shadow.bestAsk() : shadow.bestBid();
            return opposite == OrderBook.NO_PRICE ? passivePrice(buy) : opposite;
        }

        /** A price that crosses the best opposite order by 0 to 3 ticks. */
        private long aggressivePrice(boolean buy) {
            long opposite = buy ? shadow.bestAsk() : shadow.bestBid();
            if (opposite == OrderBook.NO_PRICE) {
                return passivePrice(buy);
            }
            long through = random.nextInt(4);
            return Math.clamp(buy ? opposite + through : opposite - through, SPEC.minPrice(), SPEC.maxPrice());
        }

        private long account() {
            return 1 + random.nextInt(accounts);
        }

        /** 1 to 126 lots, mostly small (exchange-core's size distribution). */
        private long quantity() {
            return 1 + (long) random.nextInt(6) * random.nextInt(6) * random.nextInt(6);
        }

        @Override
        public void onAccepted(long sequence, long orderId, long account, Side side, OrderType type,
                TimeInForce timeInForce, long price, long quantity, boolean postOnly) {
            touched.add(orderId);
        }

        @Override
        public void onTrade(long sequence, long tradeId, Side takerSide, long price, long quantity, long makerOrderId,
                long takerOrderId, long makerAccount, long takerAccount, long makerRemaining, long takerRemaining) {
            touched.add(makerOrderId);
            touched.add(takerOrderId);
            traded = true;
        }

        @Override
        public void onRejected(long sequence, CommandType command, long orderId, long account, ResultCode reason) {
        }

        @Override
        public void onCancelled(long sequence, long orderId, long account, Side side, long price,
                long cancelledQuantity, CancelReason reason) {
            touched.add(orderId);
        }

        @Override
        public void onAmended(long sequence, long orderId, long account, Side side, long oldPrice, long newPrice,
                long oldQuantity, long newQuantity, boolean priorityKept) {
            touched.add(orderId);
        }
    }

    /** Prints the mix of a generated stream. */
    public static void main(String[] args) {
        ExchangeCoreMix mix = generate(1L, 5_000, 1_000, 1_000_000);
        System.out.printf("GTC %.1f%%, IOC %.1f%%, cancel %.1f%%, move %.1f%%; trading %.1f%%; orders %d -> %d%n",
                mix.commands.percent(CommandStream.GTC), mix.commands.percent(CommandStream.IOC),
                mix.commands.percent(CommandStream.CANCEL), mix.commands.percent(CommandStream.MOVE),
                mix.tradingPercent, mix.startingOrders, mix.endingOrders);
    }
}
