package io.ztrade.historical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ztrade.domain.market.Bar;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoricalDataReaderTest {

    private static final double PRICE = 1e-9;

    @Test
    void aaplHas252DailyBarsAtMidnightUtc() {
        List<Bar> bars = HistoricalDataset.AAPL_DAILY.bars();

        assertThat(bars).hasSize(252);
        assertThat(bars).allSatisfy(b -> assertThat(b.time().getEpochSecond() % 86_400).isZero());
    }

    @Test
    void aaplFirstAndLastBarsCarryTheCsvValues() {
        List<Bar> bars = HistoricalDataset.AAPL_DAILY.bars();

        // 2013-01-02,553.82,555.00,541.63,549.03,20018500
        assertThat(bars.get(0)).isEqualTo(new Bar(Instant.parse("2013-01-02T00:00:00Z"), 553.82, 555.00, 541.63, 549.03, 20_018_500));
        // 2013-12-31,554.17,561.28,554.00,561.02,7967300
        assertThat(bars.get(251)).isEqualTo(new Bar(Instant.parse("2013-12-31T00:00:00Z"), 554.17, 561.28, 554.00, 561.02, 7_967_300));
    }

    @Test
    void ethHas580FiveMinuteBarsOpeningFiveMinutesBeforeTheirEndTime() {
        List<Bar> bars = HistoricalDataset.ETH_USD_5MIN.bars();

        assertThat(bars).hasSize(580);
        // endTime 1678730699999 is the last millisecond of the bar opening at 18:00:00.
        assertThat(bars.get(0)).isEqualTo(new Bar(Instant.parse("2023-03-13T18:00:00Z"), 1673.58, 1677.62, 1672.44, 1672.99, 65.3033));
        assertThat(bars.get(579)).isEqualTo(new Bar(Instant.parse("2023-03-15T18:15:00Z"), 1625.59, 1631.73, 1624.2, 1629.52, 419.89));
        for (int i = 1; i < bars.size(); i++) {
            assertThat(Duration.between(bars.get(i - 1).time(), bars.get(i).time())).isEqualTo(Duration.ofMinutes(5));
        }
    }

    @Test
    void firstBitstampMinutesAggregateTheirTradesByHand() {
        List<Bar> bars = HistoricalDataset.BTC_USD_MINUTE.bars();

        // 00:00: the 11 trades 1385337600..1385337657, from 800.01 up to 807.47 and back
        assertBar(bars.get(0), "2013-11-25T00:00:00Z", 800.01, 807.47, 800.01, 807.47, 2.85664446);
        // 00:01: 807.00 x 0.33, then 806.99 x 0.00151179
        assertBar(bars.get(1), "2013-11-25T00:01:00Z", 807.00, 807.00, 806.99, 806.99, 0.33151179);
        // 00:02: 806.98, 806.97, 806.97, 800.76
        assertBar(bars.get(2), "2013-11-25T00:02:00Z", 806.98, 806.98, 800.76, 800.76, 0.2580352);
        // 00:03: 806.97, 806.94, 801.00, 806.94
        assertBar(bars.get(3), "2013-11-25T00:03:00Z", 806.97, 806.97, 801.00, 806.94, 0.32026801);
    }

    @Test
    void theHundredThousandBitstampTradesFallIn9399MinutesAnd161Hours() {
        // Counted independently of this reader, by flooring each trade's timestamp.
        assertThat(HistoricalDataset.BTC_USD_MINUTE.bars()).hasSize(9399);
        assertThat(HistoricalDataset.BTC_USD_HOUR.bars()).hasSize(161);
    }

    @Test
    void minuteBarsAreStrictlyIncreasingAndMinuteAligned() {
        List<Bar> bars = HistoricalDataset.BTC_USD_MINUTE.bars();

        assertThat(bars).isNotEmpty();
        for (int i = 0; i < bars.size(); i++) {
            assertThat(bars.get(i).time().getEpochSecond() % 60).isZero();
            if (i > 0) {
                assertThat(bars.get(i).time()).isAfter(bars.get(i - 1).time());
            }
        }
    }

    @Test
    void hourBarsSummariseTheirMinuteBars() {
        List<Bar> minutes = HistoricalDataset.BTC_USD_MINUTE.bars();
        List<Bar> hours = HistoricalDataset.BTC_USD_HOUR.bars();

        assertThat(hours).isNotEmpty();
        assertThat(hours.stream().mapToDouble(Bar::volume).sum())
                .isCloseTo(minutes.stream().mapToDouble(Bar::volume).sum(), within(1e-6));
        int m = 0;
        for (Bar hour : hours) {
            assertThat(hour.time().getEpochSecond() % 3600).isZero();
            Instant end = hour.time().plus(Duration.ofHours(1));
            int first = m;
            double high = Double.NEGATIVE_INFINITY;
            double low = Double.POSITIVE_INFINITY;
            double volume = 0;
            while (m < minutes.size() && minutes.get(m).time().isBefore(end)) {
                assertThat(minutes.get(m).time()).isAfterOrEqualTo(hour.time());
                high = Math.max(high, minutes.get(m).high());
                low = Math.min(low, minutes.get(m).low());
                volume += minutes.get(m).volume();
                m++;
            }
            assertThat(m).as("minute bars in the hour of %s", hour.time()).isGreaterThan(first);
            assertThat(hour.open()).isEqualTo(minutes.get(first).open());
            assertThat(hour.close()).isEqualTo(minutes.get(m - 1).close());
            assertThat(hour.high()).isEqualTo(high);
            assertThat(hour.low()).isEqualTo(low);
            assertThat(hour.volume()).isCloseTo(volume, within(1e-6));
        }
        assertThat(m).as("every minute bar belongs to an hour bar").isEqualTo(minutes.size());
    }

    @Test
    void repeatedReadsReturnTheSameImmutableList() {
        List<Bar> first = HistoricalDataset.AAPL_DAILY.bars();

        assertThat(HistoricalDataset.AAPL_DAILY.bars()).isSameAs(first);
        assertThatThrownBy(() -> first.add(first.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void intervalsWithoutTradesHaveNoBar() throws Exception {
        String trades = """
                timestamp,price,amount
                60,10.0,1
                65,11.0,2
                200,9.0,0.5
                """;

        List<Bar> bars = HistoricalDataReader.aggregateTrades("t.csv", reader(trades), Duration.ofMinutes(1));

        assertThat(bars).containsExactly(
                new Bar(Instant.ofEpochSecond(60), 10, 11, 10, 11, 3),
                new Bar(Instant.ofEpochSecond(180), 9, 9, 9, 9, 0.5));
    }

    @Test
    void aDailyRowWithAMissingFieldNamesFileAndLine() {
        String csv = """
                date,open,high,low,close,volume
                2013-01-02,553.82,555.00,541.63,549.03,20018500
                2013-01-03,547.88,549.67,541.00,542.10
                """;

        assertThatThrownBy(() -> HistoricalDataReader.readDailyCsv("aapl.csv", reader(csv)))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith("aapl.csv line 3: expected 6 comma-separated fields")
                .satisfies(e -> assertThat(((MalformedDataException) e).line()).isEqualTo(3));
    }

    @Test
    void anUnparsablePriceNamesFileLineAndField() {
        String csv = """
                timestamp,price,amount
                60,10.0,1
                61,ten,2
                """;

        assertThatThrownBy(() -> HistoricalDataReader.aggregateTrades("trades.csv", reader(csv), Duration.ofMinutes(1)))
                .isInstanceOf(MalformedDataException.class)
                .hasMessage("trades.csv line 3: price 'ten' is not a number");
    }

    @Test
    void anInconsistentBarNamesFileAndLine() {
        String csv = """
                date,open,high,low,close,volume
                2013-01-02,553.82,540.00,541.63,549.03,20018500
                """;

        assertThatThrownBy(() -> HistoricalDataReader.readDailyCsv("aapl.csv", reader(csv)))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith("aapl.csv line 2: inconsistent bar");
    }

    @Test
    void anUnexpectedHeaderIsRejected() {
        assertThatThrownBy(() -> HistoricalDataReader.readDailyCsv("aapl.csv", reader("day,o,h,l,c,v\n")))
                .isInstanceOf(MalformedDataException.class)
                .hasMessage("aapl.csv line 1: expected header 'date,open,high,low,close,volume', found 'day,o,h,l,c,v'");
    }

    @Test
    void aJsonBarWithoutAClosePriceNamesFileAndLine() {
        String json = """
                {"name": "x", "ohlc": [
                  {"endTime": 299999, "openPrice": 1, "highPrice": 2, "lowPrice": 1, "closePrice": 2, "volume": 3},
                  {"endTime": 599999, "openPrice": 1, "highPrice": 2, "lowPrice": 1, "volume": 3}
                ]}
                """;

        assertThatThrownBy(() -> HistoricalDataReader.readOhlcJson("eth.json", stream(json), Duration.ofMinutes(5)))
                .isInstanceOf(MalformedDataException.class)
                .hasMessage("eth.json line 3: bar has no \"closePrice\"");
    }

    @Test
    void brokenJsonNamesFileAndLine() {
        String json = "{\"ohlc\": [\n{\"endTime\": 299999,,}\n]}";

        assertThatThrownBy(() -> HistoricalDataReader.readOhlcJson("eth.json", stream(json), Duration.ofMinutes(5)))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith("eth.json line 2: not valid JSON");
    }

    private static void assertBar(Bar bar, String time, double open, double high, double low, double close, double volume) {
        assertThat(bar.time()).isEqualTo(Instant.parse(time));
        assertThat(bar.open()).isCloseTo(open, within(PRICE));
        assertThat(bar.high()).isCloseTo(high, within(PRICE));
        assertThat(bar.low()).isCloseTo(low, within(PRICE));
        assertThat(bar.close()).isCloseTo(close, within(PRICE));
        assertThat(bar.volume()).isCloseTo(volume, within(1e-12));
    }

    private static BufferedReader reader(String text) {
        return new BufferedReader(new StringReader(text));
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
