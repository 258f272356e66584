package io.ztrade.orderbook.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Trading rules of one symbol. Inside the book prices are whole ticks and quantities whole lots
 * ({@code long}); {@link #tickSize()} and {@link #lotSize()} convert them to decimals at the edges.
 *
 * <p>A limit price is accepted only inside the band {@code [minPrice(), maxPrice()]}, that is
 * {@link #bandTicks()} ticks either side of {@link #referencePrice()} (and never below one tick).
 * An order quantity must lie in {@code [minQty, maxQty]} lots.
 *
 * @param symbol         instrument symbol, e.g. {@code "AAPL"}
 * @param tickSize       price increment, e.g. {@code 0.01}
 * @param lotSize        quantity increment, e.g. {@code 1} or {@code 0.0001}
 * @param minQty         smallest order quantity in lots, at least 1
 * @param maxQty         largest order quantity in lots, at most {@link #MAX_QUANTITY}
 * @param referencePrice centre of the price band, in ticks, at least 1
 * @param bandTicks      half-width of the price band, in ticks, at least 0
 */
public record InstrumentSpec(
        String symbol,
        BigDecimal tickSize,
        BigDecimal lotSize,
        long minQty,
        long maxQty,
        long referencePrice,
        long bandTicks) {

    /** Largest order quantity any instrument may allow, in lots (2^40, about 1.1e12). */
    public static final long MAX_QUANTITY = 1L << 40;

    /** Largest number of distinct prices a band may span (2^24); bounds the fast book's price index. */
    public static final long MAX_BAND_LEVELS = 1L << 24;

    private static final int MAX_DECIMAL_LENGTH = 100;
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    /** Checks the rules are consistent; a bad instrument is a configuration error. */
    public InstrumentSpec {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(tickSize, "tickSize");
        Objects.requireNonNull(lotSize, "lotSize");
        if (symbol.isBlank()) {
            throw new IllegalArgumentException("symbol must not be blank");
        }
        if (tickSize.signum() <= 0) {
            throw new IllegalArgumentException("tickSize must be positive: " + tickSize);
        }
        if (lotSize.signum() <= 0) {
            throw new IllegalArgumentException("lotSize must be positive: " + lotSize);
        }
        if (minQty < 1 || maxQty < minQty || maxQty > MAX_QUANTITY) {
            throw new IllegalArgumentException(
                    "need 1 <= minQty <= maxQty <= " + MAX_QUANTITY + ", got " + minQty + ".." + maxQty);
        }
        if (referencePrice < 1) {
            throw new IllegalArgumentException("referencePrice must be at least one tick: " + referencePrice);
        }
        if (bandTicks < 0 || bandTicks > MAX_BAND_LEVELS || referencePrice > Long.MAX_VALUE - bandTicks) {
            throw new IllegalArgumentException("bandTicks out of range: " + bandTicks);
        }
        long levels = referencePrice + bandTicks - Math.max(1, referencePrice - bandTicks) + 1;
        if (levels > MAX_BAND_LEVELS) {
            throw new IllegalArgumentException(
                    "band spans " + levels + " prices, more than " + MAX_BAND_LEVELS);
        }
    }

    /**
     * An instrument whose band is a fraction of the reference price, rounded down to whole ticks:
     * {@code fraction = 0.1} allows prices within 10% of the reference.
     */
    public static InstrumentSpec withBandFraction(
            String symbol, BigDecimal tickSize, BigDecimal lotSize, long minQty, long maxQty,
            long referencePrice, BigDecimal fraction) {
        Objects.requireNonNull(fraction, "fraction");
        if (fraction.signum() < 0) {
            throw new IllegalArgumentException("band fraction must not be negative: " + fraction);
        }
        BigDecimal band = BigDecimal.valueOf(referencePrice).multiply(fraction).setScale(0, RoundingMode.FLOOR);
        long bandTicks = band.compareTo(BigDecimal.valueOf(MAX_BAND_LEVELS)) > 0 ? MAX_BAND_LEVELS + 1 : band.longValue();
        return new InstrumentSpec(symbol, tickSize, lotSize, minQty, maxQty, referencePrice, bandTicks);
    }

    /** Lowest accepted limit price in ticks. */
    public long minPrice() {
        return Math.max(1, referencePrice - bandTicks);
    }

    /** Highest accepted limit price in ticks. */
    public long maxPrice() {
        return referencePrice + bandTicks;
    }

    /** Number of distinct prices in the band. */
    public int bandLevels() {
        return (int) (maxPrice() - minPrice() + 1);
    }

    /** Whether a price in ticks lies inside the band. */
    public boolean inBand(long price) {
        return price >= minPrice() && price <= maxPrice();
    }

    /**
     * Converts a decimal price such as {@code "101.25"} to ticks. Refuses, with a code and without
     * throwing: {@code null}, empty, non-numeric, NaN, infinite and exponent forms
     * ({@link ResultCode#MALFORMED_NUMBER}), zero and negative prices ({@link ResultCode#INVALID_PRICE}),
     * prices between ticks ({@link ResultCode#PRICE_OFF_TICK}) and prices beyond a {@code long} of
     * ticks ({@link ResultCode#NUMBER_TOO_LARGE}). The band is checked by the book, not here.
     */
    public Conversion priceToTicks(String price) {
        return toUnits(price, tickSize, ResultCode.INVALID_PRICE, ResultCode.PRICE_OFF_TICK);
    }

    /**
     * Converts a decimal quantity such as {@code "1.5"} to lots; refuses like
     * {@link #priceToTicks(String)}, with {@link ResultCode#INVALID_QUANTITY} for zero and negative
     * and {@link ResultCode#QUANTITY_OFF_LOT} for fractional lots. Min and max are checked by the book.
     */
    public Conversion quantityToLots(String quantity) {
        return toUnits(quantity, lotSize, ResultCode.INVALID_QUANTITY, ResultCode.QUANTITY_OFF_LOT);
    }

    /** The decimal price of a number of ticks. */
    public BigDecimal ticksToPrice(long ticks) {
        return tickSize.multiply(BigDecimal.valueOf(ticks));
    }

    /** The decimal quantity of a number of lots. */
    public BigDecimal lotsToQuantity(long lots) {
        return lotSize.multiply(BigDecimal.valueOf(lots));
    }

    private static Conversion toUnits(String text, BigDecimal unit, ResultCode notPositive, ResultCode offGrid) {
        if (!isPlainDecimal(text)) {
            return Conversion.failed(ResultCode.MALFORMED_NUMBER);
        }
        BigDecimal value = new BigDecimal(text);
        if (value.signum() <= 0) {
            return Conversion.failed(notPositive);
        }
        BigDecimal[] quotientAndRemainder = value.divideAndRemainder(unit);
        if (quotientAndRemainder[1].signum() != 0) {
            return Conversion.failed(offGrid);
        }
        BigDecimal units = quotientAndRemainder[0];
        if (units.compareTo(LONG_MAX) > 0) {
            return Conversion.failed(ResultCode.NUMBER_TOO_LARGE);
        }
        return Conversion.of(units.longValueExact());
    }

    /** {@code [+-]?digits[.digits]} or {@code [+-]?.digits}, at most 100 characters. */
    private static boolean isPlainDecimal(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_DECIMAL_LENGTH) {
            return false;
        }
        int i = 0;
        char first = text.charAt(0);
        if (first == '+' || first == '-') {
            i = 1;
        }
        int digits = 0;
        boolean dot = false;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        return digits > 0;
    }
}
