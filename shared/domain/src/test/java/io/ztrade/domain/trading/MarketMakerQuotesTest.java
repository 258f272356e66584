package io.ztrade.domain.trading;

import static io.ztrade.domain.trading.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.domain.backtest.Side;
import io.ztrade.domain.market.Instruments;
import org.junit.jupiter.api.Test;

class MarketMakerQuotesTest {

    @Test
    void shouldQuoteBothSidesOnTickAndLot() {
        // mid 100.003, spread 0.2%: bid 100.003 * 0.999 = 99.902997 -> 99.90, ask 100.003 * 1.001 = 100.103003 -> 100.11
        Quotes q = MarketMakerQuotes.quote(d("100.003"), d("0.002"), d("0.12345"), d("0"), d("1"), Instruments.BTC_USD);
        assertThat(q.bid()).contains(new Quote(Side.BUY, d("99.90"), d("0.1234")));
        assertThat(q.ask()).contains(new Quote(Side.SELL, d("100.11"), d("0.1234")));
    }

    @Test
    void shouldShrinkAndOmitTheSideAtTheInventoryLimit() {
        Quotes nearLong = MarketMakerQuotes.quote(d("100"), d("0.002"), d("5"), d("8"), d("10"), Instruments.AAPL);
        assertThat(nearLong.bid().orElseThrow().quantity()).isEqualByComparingTo("2");
        assertThat(nearLong.ask().orElseThrow().quantity()).isEqualByComparingTo("5");
        Quotes atLong = MarketMakerQuotes.quote(d("100"), d("0.002"), d("5"), d("10"), d("10"), Instruments.AAPL);
        assertThat(atLong.bid()).isEmpty();
        assertThat(atLong.ask()).isPresent();
        Quotes atShort = MarketMakerQuotes.quote(d("100"), d("0.002"), d("5"), d("-10"), d("10"), Instruments.AAPL);
        assertThat(atShort.ask()).isEmpty();
        assertThat(atShort.bid().orElseThrow().quantity()).isEqualByComparingTo("5");
    }

    @Test
    void shouldKeepTheSidesAtLeastOneTickApart() {
        Quotes q = MarketMakerQuotes.quote(d("1.00"), d("0.0001"), d("1"), d("0"), d("10"), Instruments.AAPL);
        assertThat(q.bid().orElseThrow().price()).isEqualByComparingTo("0.99");
        assertThat(q.ask().orElseThrow().price()).isEqualByComparingTo("1.01");
        assertThatThrownBy(() -> MarketMakerQuotes.quote(d("0"), d("0.01"), d("1"), d("0"), d("1"), Instruments.AAPL))
                .hasMessageContaining("mid");
    }
}
