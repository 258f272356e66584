package io.ztrade.domain.trading;

import static io.ztrade.domain.trading.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.domain.market.Instruments;
import java.util.List;
import org.junit.jupiter.api.Test;

class PositionSizerTest {

    final PositionSizer sizer = new PositionSizer(RiskLimits.defaults(), new CommissionModel(d("1"), d("10")));

    @Test
    void fractionShouldFollowTheConfidenceTiers() {
        assertThat(PositionSizer.fraction(0.85)).isEqualByComparingTo("1");
        assertThat(PositionSizer.fraction(0.8499)).isEqualByComparingTo("0.75");
        assertThat(PositionSizer.fraction(0.75)).isEqualByComparingTo("0.75");
        assertThat(PositionSizer.fraction(0.7499)).isEqualByComparingTo("0.5");
        assertThat(PositionSizer.fraction(0.65)).isEqualByComparingTo("0.5");
        assertThat(PositionSizer.fraction(0.6499)).isEqualByComparingTo("0");
        assertThat(PositionSizer.fraction(Double.NaN)).isEqualByComparingTo("1");
    }

    @Test
    void shouldTakeTheSmallestLimit() {
        AgentSpec spec = Fixtures.spec(d("10000"), d("30"), d("0.05"), 5, 0);
        RiskContext ctx = RiskContext.alone(Fixtures.running("10000"), d("10000"));
        // 5% of 10,000 at 12.00 -> 41.67, maxPositionSize 30 -> 30
        assertThat(sizer.allowedQuantity(spec, ctx, d("12.00"))).isEqualByComparingTo("30");
        // at 20.00: 5% -> 25
        assertThat(sizer.allowedQuantity(spec, ctx, d("20.00"))).isEqualByComparingTo("25");
        // 80% of 10,000 = 8,000 with 7,900 deployed: 100 left -> 8 at 12.00
        RiskContext deployed = new RiskContext(Fixtures.running("10000"), List.of(), d("10000"), d("7900"));
        assertThat(sizer.allowedQuantity(spec, deployed, d("12.00"))).isEqualByComparingTo("8");
        // cash 100: (100 - 1) / (12 * 1.001) = 8.24 -> 8; 8 * 12 + 1 + 0.096 = 97.096 <= 100
        RiskContext poor = RiskContext.alone(Fixtures.running("100"), d("10000"));
        assertThat(sizer.allowedQuantity(spec, poor, d("12.00"))).isEqualByComparingTo("8");
        assertThat(sizer.size(spec, poor, d("12.00"), 0.7)).isEqualByComparingTo("4");
        assertThat(sizer.size(spec, poor, d("12.00"), 0.6)).isEqualByComparingTo("0");
    }

    @Test
    void affordableShouldMatchTheBacktestsWorkedExample() {
        // README: cash 10,000 at 100.07 with 1 + 10 bps -> floor(9999 / (100.07 * 1.001)) = 99
        assertThat(sizer.affordable(Instruments.AAPL, d("100.07"), d("10000"))).isEqualByComparingTo("99");
        // exactly enough for one share: 12 + 1 + 0.012 = 13.012
        assertThat(sizer.affordable(Instruments.AAPL, d("12"), d("13.012"))).isEqualByComparingTo("1");
        assertThat(sizer.affordable(Instruments.AAPL, d("12"), d("13.011"))).isEqualByComparingTo("0");
        // BTC lot 0.0001: 99 / (30000 * 1.001) = 0.0032967 -> 0.0032 (0.0033 would cost 99 + 1.099 > 100)
        assertThat(sizer.affordable(Instruments.BTC_USD, d("30000.00"), d("100"))).isEqualByComparingTo("0.0032");
    }
}
