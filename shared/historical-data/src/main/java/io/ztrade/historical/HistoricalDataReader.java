package io.ztrade.historical;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.ztrade.domain.market.Bar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the data files shipped on the classpath (next to this class) into bars, oldest first, and
 * keeps each dataset's bars for later calls. Three formats:
 *
 * <ul>
 *   <li>daily bars, CSV {@code date,open,high,low,close,volume}; a bar's time is its date at 00:00 UTC;
 *   <li>trades, CSV {@code timestamp,price,amount} (epoch seconds, in time order), aggregated into bars
 *       of a timeframe: open = first trade, close = last trade, high/low = extremes, volume = sum of the
 *       amounts; a bar's time is the trade time floored to the timeframe; an interval without trades
 *       has no bar;
 *   <li>bars, JSON {@code {"ohlc": [{"endTime": epochMillis, "openPrice", "highPrice", "lowPrice",
 *       "closePrice", "volume"}...]}}, where {@code endTime} is the last millisecond of the bar, so the
 *       bar's (open) time is {@code endTime + 1 ms - timeframe}.
 * </ul>
 *
 * Malformed input fails with a {@link MalformedDataException} naming the file and line.
 */
final class HistoricalDataReader {

    static final String AAPL_DAILY_FILE = "appleinc_bars_from_20130101_usd.csv";
    static final String BITSTAMP_TRADES_FILE = "bitstamp_trades_from_20131125_usd.csv";
    static final String ETH_5MIN_FILE = "ETH-USD-PT5M-2023-3-13_2023-3-15.json";

    private static final String DAILY_HEADER = "date,open,high,low,close,volume";
    private static final String TRADES_HEADER = "timestamp,price,amount";
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private static final Map<HistoricalDataset, List<Bar>> CACHE = new ConcurrentHashMap<>();

    private HistoricalDataReader() {
    }

    /** The dataset's bars, oldest first; read once, then served from memory. Immutable. */
    static List<Bar> read(HistoricalDataset dataset) {
        return CACHE.computeIfAbsent(dataset, HistoricalDataReader::load);
    }

    private static List<Bar> load(HistoricalDataset dataset) {
        Duration timeframe = dataset.timeframe().duration();
        return switch (dataset) {
            case AAPL_DAILY -> {
                try (BufferedReader in = reader(open(AAPL_DAILY_FILE))) {
                    yield readDailyCsv(AAPL_DAILY_FILE, in);
                } catch (IOException e) {
                    throw unreadable(AAPL_DAILY_FILE, e);
                }
            }
            case BTC_USD_MINUTE, BTC_USD_HOUR -> {
                try (BufferedReader in = reader(open(BITSTAMP_TRADES_FILE))) {
                    yield aggregateTrades(BITSTAMP_TRADES_FILE, in, timeframe);
                } catch (IOException e) {
                    throw unreadable(BITSTAMP_TRADES_FILE, e);
                }
            }
            case ETH_USD_5MIN -> {
                try (InputStream in = open(ETH_5MIN_FILE)) {
                    yield readOhlcJson(ETH_5MIN_FILE, in, timeframe);
                } catch (IOException e) {
                    throw unreadable(ETH_5MIN_FILE, e);
                }
            }
        };
    }

    private static InputStream open(String file) {
        InputStream in = HistoricalDataReader.class.getResourceAsStream(file);
        if (in == null) {
            throw new IllegalStateException("io/ztrade/historical/" + file + " is not on the classpath;"
                    + " the build of ztrade-historical-data unpacks it from org.ta4j:ta4j-examples");
        }
        return in;
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    private static UncheckedIOException unreadable(String file, IOException e) {
        return new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }

    /** Daily bars from CSV {@code date,open,high,low,close,volume}, in strictly increasing date order. */
    static List<Bar> readDailyCsv(String file, BufferedReader in) throws IOException {
        requireHeader(file, in.readLine(), DAILY_HEADER);
        List<Bar> bars = new ArrayList<>();
        int lineNumber = 1;
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = fields(file, lineNumber, line, 6);
            Instant time;
            try {
                time = LocalDate.parse(f[0]).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new MalformedDataException(file, lineNumber, "date '" + f[0] + "' is not yyyy-MM-dd", e);
            }
            Bar bar = bar(file, lineNumber, time,
                    number(file, lineNumber, "open", f[1]),
                    number(file, lineNumber, "high", f[2]),
                    number(file, lineNumber, "low", f[3]),
                    number(file, lineNumber, "close", f[4]),
                    number(file, lineNumber, "volume", f[5]));
            requireAfter(file, lineNumber, bars, bar);
            bars.add(bar);
        }
        return List.copyOf(bars);
    }

    /**
     * Bars of length {@code timeframe} from CSV {@code timestamp,price,amount} trades (epoch
     * seconds, never decreasing). Volumes are summed exactly and rounded once.
     */
    static List<Bar> aggregateTrades(String file, BufferedReader in, Duration timeframe) throws IOException {
        long seconds = timeframe.toSeconds();
        if (seconds <= 0 || !timeframe.equals(Duration.ofSeconds(seconds))) {
            throw new IllegalArgumentException("timeframe must be a whole number of seconds: " + timeframe);
        }
        requireHeader(file, in.readLine(), TRADES_HEADER);
        List<Bar> bars = new ArrayList<>();
        Bucket bucket = null;
        long previousTimestamp = Long.MIN_VALUE;
        int lineNumber = 1;
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = fields(file, lineNumber, line, 3);
            long timestamp = integer(file, lineNumber, "timestamp", f[0]);
            double price = number(file, lineNumber, "price", f[1]);
            BigDecimal amount = decimal(file, lineNumber, "amount", f[2]);
            if (!(price > 0)) {
                throw new MalformedDataException(file, lineNumber, "price must be positive, was " + f[1]);
            }
            if (amount.signum() < 0) {
                throw new MalformedDataException(file, lineNumber, "amount must not be negative, was " + f[2]);
            }
            if (timestamp < previousTimestamp) {
                throw new MalformedDataException(file, lineNumber, "trade at " + timestamp
                        + " comes after one at " + previousTimestamp + "; trades must be in time order");
            }
            previousTimestamp = timestamp;
            long start = timestamp - Math.floorMod(timestamp, seconds);
            if (bucket == null || bucket.start != start) {
                if (bucket != null) {
                    bars.add(bucket.toBar(file));
                }
                bucket = new Bucket(start, lineNumber, price);
            }
            bucket.add(price, amount);
        }
        if (bucket != null) {
            bars.add(bucket.toBar(file));
        }
        return List.copyOf(bars);
    }

    /** The trades of one bar interval, as they are read. */
    private static final class Bucket {
        final long start;
        final int firstLine;
        final double open;
        double high;
        double low;
        double close;
        BigDecimal volume = BigDecimal.ZERO;

        Bucket(long start, int firstLine, double open) {
            this.start = start;
            this.firstLine = firstLine;
            this.open = open;
            this.high = open;
            this.low = open;
        }

        void add(double price, BigDecimal amount) {
            high = Math.max(high, price);
            low = Math.min(low, price);
            close = price;
            volume = volume.add(amount);
        }

        Bar toBar(String file) {
            return bar(file, firstLine, Instant.ofEpochSecond(start), open, high, low, close, volume.doubleValue());
        }
    }

    /**
     * Bars of length {@code timeframe} from JSON {@code {"ohlc": [{"endTime", "openPrice",
     * "highPrice", "lowPrice", "closePrice", "volume"}...]}}, in strictly increasing time order.
     * Other fields are ignored.
     */
    static List<Bar> readOhlcJson(String file, InputStream in, Duration timeframe) throws IOException {
        List<Bar> bars = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(in)) {
            expect(file, parser, parser.nextToken(), JsonToken.START_OBJECT, "the document to be an object");
            boolean sawOhlc = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("ohlc".equals(field)) {
                    sawOhlc = true;
                    expect(file, parser, value, JsonToken.START_ARRAY, "\"ohlc\" to be an array");
                    JsonToken element;
                    while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
                        expect(file, parser, element, JsonToken.START_OBJECT, "each \"ohlc\" element to be an object");
                        int startLine = line(parser);
                        Bar bar = ohlcBar(file, parser, timeframe);
                        requireAfter(file, startLine, bars, bar);
                        bars.add(bar);
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (!sawOhlc) {
                throw new MalformedDataException(file, line(parser), "no \"ohlc\" array");
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new MalformedDataException(file, line, "not valid JSON: " + e.getOriginalMessage(), e);
        }
        return List.copyOf(bars);
    }

    /** Reads one {@code ohlc} element; the parser stands on its START_OBJECT. */
    private static Bar ohlcBar(String file, JsonParser parser, Duration timeframe) throws IOException {
        int startLine = line(parser);
        Long endTime = null;
        Double open = null;
        Double high = null;
        Double low = null;
        Double close = null;
        Double volume = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "endTime" -> {
                    expect(file, parser, value, JsonToken.VALUE_NUMBER_INT, "\"endTime\" to be epoch milliseconds");
                    endTime = parser.getLongValue();
                }
                case "openPrice" -> open = jsonNumber(file, parser, field, value);
                case "highPrice" -> high = jsonNumber(file, parser, field, value);
                case "lowPrice" -> low = jsonNumber(file, parser, field, value);
                case "closePrice" -> close = jsonNumber(file, parser, field, value);
                case "volume" -> volume = jsonNumber(file, parser, field, value);
                default -> parser.skipChildren();
            }
        }
        requirePresent(file, startLine, "endTime", endTime);
        requirePresent(file, startLine, "openPrice", open);
        requirePresent(file, startLine, "highPrice", high);
        requirePresent(file, startLine, "lowPrice", low);
        requirePresent(file, startLine, "closePrice", close);
        requirePresent(file, startLine, "volume", volume);
        Instant time = Instant.ofEpochMilli(endTime).plusMillis(1).minus(timeframe);
        return bar(file, startLine, time, open, high, low, close, volume);
    }

    private static double jsonNumber(String file, JsonParser parser, String field, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_NUMBER_FLOAT && value != JsonToken.VALUE_NUMBER_INT) {
            throw new MalformedDataException(file, line(parser), "\"" + field + "\" must be a number, was " + parser.getText());
        }
        return parser.getDoubleValue();
    }

    private static void expect(String file, JsonParser parser, JsonToken actual, JsonToken expected, String what) {
        if (actual != expected) {
            throw new MalformedDataException(file, line(parser), "expected " + what + ", found " + actual);
        }
    }

    private static void requirePresent(String file, int line, String field, Object value) {
        if (value == null) {
            throw new MalformedDataException(file, line, "bar has no \"" + field + "\"");
        }
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    private static void requireHeader(String file, String header, String expected) {
        String actual = header == null ? null : header.strip().replace("\uFEFF", "");
        if (!expected.equals(actual)) {
            throw new MalformedDataException(file, 1, "expected header '" + expected + "', found "
                    + (actual == null ? "an empty file" : "'" + actual + "'"));
        }
    }

    private static String[] fields(String file, int lineNumber, String line, int expected) {
        String[] f = line.strip().split(",", -1);
        if (f.length != expected) {
            throw new MalformedDataException(file, lineNumber, "expected " + expected + " comma-separated fields, found "
                    + f.length + ": '" + line.strip() + "'");
        }
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].strip();
        }
        return f;
    }

    private static double number(String file, int lineNumber, String field, String text) {
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new MalformedDataException(file, lineNumber, field + " '" + text + "' is not a number");
    }

    private static long integer(String file, int lineNumber, String field, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new MalformedDataException(file, lineNumber, field + " '" + text + "' is not an integer", e);
        }
    }

    private static BigDecimal decimal(String file, int lineNumber, String field, String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new MalformedDataException(file, lineNumber, field + " '" + text + "' is not a decimal number", e);
        }
    }

    private static Bar bar(String file, int lineNumber, Instant time, double open, double high, double low, double close, double volume) {
        try {
            return new Bar(time, open, high, low, close, volume);
        } catch (IllegalArgumentException e) {
            throw new MalformedDataException(file, lineNumber, e.getMessage(), e);
        }
    }

    private static void requireAfter(String file, int lineNumber, List<Bar> bars, Bar bar) {
        if (!bars.isEmpty() && !bar.time().isAfter(bars.get(bars.size() - 1).time())) {
            throw new MalformedDataException(file, lineNumber, "bar at " + bar.time() + " does not come after the bar at "
                    + bars.get(bars.size() - 1).time() + "; bars must be in increasing time order");
        }
    }
}
