package io.ztrade.domain.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ztrade.domain.TestBars;
import io.ztrade.domain.market.BarSeries;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZtradeCombinedTest {

    private static final double EPS = 1e-12;

    /*
     * fast=1, slow=2, rsiPeriod=2, trendScale=0.1; closes 100, 100, 100, 110
     * i=2: smaFast 100, smaSlow 100, RSI 0 (seed: no gain, no loss)   -> t = 0.5*0 + 0.5*(50-0)/50 = 0.5
     * i=3: smaFast 110, smaSlow 105, RSI 100 (seed gain 0 -> 5, loss 0) -> trend (110/105-1)/0.1 = 0.47619
     *      t = 0.5*0.47619 + 0.5*(50-100)/50 = -0.261905
     */
    private static final double T2 = 0.5;
    private static final double T3 = 0.5 * ((110.0 / 105 - 1) / 0.1) - 0.5;

    private static ZtradeCombined strategy(double minConfidence, double buyThreshold, double sellThreshold) {
        return new ZtradeCombined(new ZtradeCombined.Params(1, 2, 2, 0.1, minConfidence, buyThreshold, sellThreshold));
    }

    private static BarSeries series() {
        return TestBars.closes(100, 100, 100, 110);
    }

    @Test
    void shouldUseTheTechnicalScoreAndItsMagnitudeWithoutSentiment() {
        List<Signal> signals = SignalsSupport.signals(strategy(0.65, 0.3, -0.3), series());

        Signal s = signals.get(2);
        assertThat(s.action()).isEqualTo(Action.HOLD); // S = 0.4 * 0.5 = 0.2 <= 0.3
        assertThat(s.score()).isCloseTo(0.4 * T2, within(EPS));
        assertThat(s.confidence()).isCloseTo(T2, within(EPS));
    }

    @Test
    void shouldBuyOnTechnicalsAloneWhenThresholdsAllow() {
        Signal s = SignalsSupport.signals(strategy(0.4, 0.1, -0.3), series()).get(2);

        assertThat(s.action()).isEqualTo(Action.BUY);
        assertThat(s.sizeFraction()).isEqualTo(0.5); // confidence 0.5 < 0.75
    }

    @Test
    void shouldBuyOnConfidentPositiveSentimentSizedByConfidence() {
        BarSeries series = series();
        series.setSentiment(3, 0.9, 0.8);

        Signal s = SignalsSupport.signals(strategy(0.65, 0.3, -0.3), series).get(3);

        assertThat(s.action()).isEqualTo(Action.BUY);
        assertThat(s.score()).isCloseTo(0.6 * 0.9 + 0.4 * T3, within(EPS)); // 0.435238
        assertThat(s.confidence()).isEqualTo(0.8);
        assertThat(s.sizeFraction()).isEqualTo(0.75);
    }

    @Test
    void shouldSellOnConfidentNegativeSentimentWithFullSize() {
        BarSeries series = series();
        series.setSentiment(3, -0.9, 0.9);

        Signal s = SignalsSupport.signals(strategy(0.65, 0.3, -0.3), series).get(3);

        assertThat(s.action()).isEqualTo(Action.SELL);
        assertThat(s.score()).isCloseTo(-0.6 * 0.9 + 0.4 * T3, within(EPS)); // -0.644762
        assertThat(s.sizeFraction()).isEqualTo(1.0);
    }

    @Test
    void shouldHoldWhenSentimentConfidenceIsBelowMinimum() {
        BarSeries series = series();
        series.setSentiment(3, 0.9, 0.5);

        Signal s = SignalsSupport.signals(strategy(0.65, 0.3, -0.3), series).get(3);

        assertThat(s.action()).isEqualTo(Action.HOLD);
        assertThat(s.score()).isCloseTo(0.6 * 0.9 + 0.4 * T3, within(EPS));
        assertThat(s.confidence()).isEqualTo(0.5);
    }

    @Test
    void shouldSizeHalfJustAboveMinimumConfidence() {
        BarSeries series = series();
        series.setSentiment(3, 1.0, 0.7);

        assertThat(SignalsSupport.signals(strategy(0.65, 0.3, -0.3), series).get(3).sizeFraction()).isEqualTo(0.5);
    }

    @Test
    void shouldNotSignalBeforeTheIndicatorsExist() {
        BarSeries series = series();
        series.setSentiment(1, 1.0, 1.0);

        Signal s = SignalsSupport.signals(strategy(0.65, 0.3, -0.3), series).get(1);

        assertThat(s).isEqualTo(Signal.HOLD);
        assertThat(strategy(0.65, 0.3, -0.3).warmupBars()).isEqualTo(2);
    }

    @Test
    void technicalScoreClampsTheTrendTerm() {
        assertThat(ZtradeCombined.technicalScore(102, 100, 30, 0.02)).isCloseTo(0.5 + 0.2, within(EPS));
        assertThat(ZtradeCombined.technicalScore(90, 100, 50, 0.02)).isCloseTo(-0.5, within(EPS));
        assertThat(ZtradeCombined.technicalScore(101, 100, 70, 0.02)).isCloseTo(0.25 - 0.2, within(EPS));
    }

    @Test
    void sizeFractionStepsAtSeventyFiveAndEightyFivePercent() {
        assertThat(ZtradeCombined.sizeFraction(0.85)).isEqualTo(1.0);
        assertThat(ZtradeCombined.sizeFraction(0.8499)).isEqualTo(0.75);
        assertThat(ZtradeCombined.sizeFraction(0.75)).isEqualTo(0.75);
        assertThat(ZtradeCombined.sizeFraction(0.7499)).isEqualTo(0.5);
    }

    @Test
    void shouldRejectEachOutOfRangeParameterByName() {
        assertField(() -> new ZtradeCombined.Params(30, 30, 14, 0.02, 0.65, 0.3, -0.3), "fast");
        assertField(() -> new ZtradeCombined.Params(10, 30, 1, 0.02, 0.65, 0.3, -0.3), "rsiPeriod");
        assertField(() -> new ZtradeCombined.Params(10, 30, 14, 0, 0.65, 0.3, -0.3), "trendScale");
        assertField(() -> new ZtradeCombined.Params(10, 30, 14, 0.02, 1.01, 0.3, -0.3), "minConfidence");
        assertField(() -> new ZtradeCombined.Params(10, 30, 14, 0.02, 0.65, 1, -0.3), "buyThreshold");
        assertField(() -> new ZtradeCombined.Params(10, 30, 14, 0.02, 0.65, 0.3, 0), "sellThreshold");
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
