package io.ztrade.orderbook.service.core;

import io.ztrade.events.payload.OrderRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded stream of order requests that exercises everything a book does: resting and crossing
 * limit orders (GTC, IOC, FOK, post-only), market orders, cancels and amends by clientOrderId (some of
 * orders already gone), duplicate clientOrderIds and bad input. The same seed gives the same stream.
 */
public final class RandomOrders {

    private static final Map<String, Long> MID_TICKS = Map.of("AAPL", 15_000L, "BTC-USD", 6_000_000L, "ETH-USD", 300_000L,
            "AMD", 15_000L);
    private static final Map<String, BigDecimal> LOT = Map.of("AAPL", BigDecimal.ONE, "BTC-USD", new BigDecimal("0.0001"),
            "ETH-USD", new BigDecimal("0.0001"), "AMD", BigDecimal.ONE);
    private static final BigDecimal TICK = new BigDecimal("0.01");

    private RandomOrders() {}

    private record Placed(String clientOrderId, String accountId, String symbol) {
    }

    public static List<OrderRequest> stream(long seed, int count, List<String> symbols) {
        SplittableRandom random = new SplittableRandom(seed);
        List<OrderRequest> out = new ArrayList<>(count);
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String symbol = symbols.get(random.nextInt(symbols.size()));
            String account = "acct-" + random.nextInt(8);
            String client = "c-" + seed + "-" + i;
            String side = random.nextBoolean() ? "BUY" : "SELL";
            int roll = random.nextInt(100);
            long mid = MID_TICKS.get(symbol);
            long offsetTicks = random.nextInt(41) - 20;
            // buyers lean below the mid, sellers above, so a book builds up and still trades
            long ticks = mid + offsetTicks + ("BUY".equals(side) ? -4 : 4);
            String price = price(ticks);
            String quantity = quantity(symbol, 1 + random.nextInt(20));
            OrderRequest request;
            if (roll < 52) {
                request = OrderRequest.place(client, account, symbol, side, "LIMIT", "GTC", false, price, quantity);
            } else if (roll < 60) {
                request = OrderRequest.place(client, account, symbol, side, "LIMIT", "IOC", false, price, quantity);
            } else if (roll < 64) {
                request = OrderRequest.place(client, account, symbol, side, "LIMIT", "FOK", false, price, quantity);
            } else if (roll < 67) {
                request = OrderRequest.place(client, account, symbol, side, "LIMIT", "GTC", true, price, quantity);
            } else if (roll < 72) {
                String protection = random.nextBoolean() ? null : price(mid + ("BUY".equals(side) ? 10 : -10));
                request = OrderRequest.place(client, account, symbol, side, "MARKET", null, false, protection, quantity);
            } else if (roll < 84 && !placed.isEmpty()) {
                Placed p = placed.get(random.nextInt(placed.size()));
                request = new OrderRequest(OrderRequest.CANCEL, null, p.clientOrderId(), p.accountId(), p.symbol(), null,
                        null, null, null, null, null);
            } else if (roll < 93 && !placed.isEmpty()) {
                Placed p = placed.get(random.nextInt(placed.size()));
                long amendTicks = MID_TICKS.get(p.symbol()) + random.nextInt(41) - 20;
                boolean newPrice = random.nextBoolean();
                request = new OrderRequest(OrderRequest.AMEND, null, p.clientOrderId(), p.accountId(), p.symbol(), null,
                        null, null, null, newPrice ? price(amendTicks) : null,
                        newPrice && random.nextBoolean() ? null : quantity(p.symbol(), 1 + random.nextInt(10)));
            } else if (roll < 96 && !placed.isEmpty()) {
                Placed p = placed.get(random.nextInt(placed.size()));
                request = OrderRequest.place(p.clientOrderId(), p.accountId(), p.symbol(), side, "LIMIT", "GTC", false,
                        price(MID_TICKS.get(p.symbol()) - 30), quantity(p.symbol(), 1));
            } else {
                request = switch (random.nextInt(4)) {
                    case 0 -> OrderRequest.place(client, account, symbol, side, "LIMIT", "GTC", false, price + "5", quantity);
                    case 1 -> OrderRequest.place(client, account, "DOGE-USD", side, "LIMIT", "GTC", false, price, quantity);
                    case 2 -> OrderRequest.place(client, account, symbol, side, "LIMIT", "GTC", false, price, "0");
                    default -> OrderRequest.place(client, account, symbol, side, "LIMIT", "GTC", false, "NaN", quantity);
                };
            }
            if (OrderRequest.PLACE.equals(request.command()) && request.clientOrderId().equals(client)) {
                placed.add(new Placed(client, account, symbol));
            }
            out.add(request);
        }
        return out;
    }

    static String price(long ticks) {
        return TICK.multiply(BigDecimal.valueOf(ticks)).toPlainString();
    }

    static String quantity(String symbol, long lots) {
        return LOT.get(symbol).multiply(BigDecimal.valueOf(lots)).toPlainString();
    }
}
