package io.ztrade.orderbook.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class InstrumentSpecTest {

    private static final InstrumentSpec SPEC =
            new InstrumentSpec("AAPL", new BigDecimal("0.01"), new BigDecimal("0.5"), 1, 10_000, 15_000, 1_500);

    @Test
    void shouldConvertOnGridDecimalsToTicksAndLots() {
        assertThat(SPEC.priceToTicks("150.00")).isEqualTo(Conversion.of(15_000));
        assertThat(SPEC.priceToTicks("150.25")).isEqualTo(Conversion.of(15_025));
        assertThat(SPEC.priceToTicks("+0.01")).isEqualTo(Conversion.of(1));
        assertThat(SPEC.priceToTicks(".05")).isEqualTo(Conversion.of(5));
        assertThat(SPEC.priceToTicks("7.")).isEqualTo(Conversion.of(700));
        assertThat(SPEC.priceToTicks("150.250000")).isEqualTo(Conversion.of(15_025));
        assertThat(SPEC.quantityToLots("2.5")).isEqualTo(Conversion.of(5));
        assertThat(SPEC.quantityToLots("1000")).isEqualTo(Conversion.of(2_000));
    }

    @Test
    void shouldRejectOffGridPricesAndFractionalLots() {
        assertThat(SPEC.priceToTicks("150.001").code()).isEqualTo(ResultCode.PRICE_OFF_TICK);
        assertThat(SPEC.priceToTicks("0.005").code()).isEqualTo(ResultCode.PRICE_OFF_TICK);
        assertThat(SPEC.quantityToLots("0.25").code()).isEqualTo(ResultCode.QUANTITY_OFF_LOT);
        assertThat(SPEC.quantityToLots("1.7").code()).isEqualTo(ResultCode.QUANTITY_OFF_LOT);
    }

    @Test
    void shouldRejectZeroAndNegativeValues() {
        assertThat(SPEC.priceToTicks("0").code()).isEqualTo(ResultCode.INVALID_PRICE);
        assertThat(SPEC.priceToTicks("0.000").code()).isEqualTo(ResultCode.INVALID_PRICE);
        assertThat(SPEC.priceToTicks("-0").code()).isEqualTo(ResultCode.INVALID_PRICE);
        assertThat(SPEC.priceToTicks("-1.00").code()).isEqualTo(ResultCode.INVALID_PRICE);
        assertThat(SPEC.quantityToLots("0").code()).isEqualTo(ResultCode.INVALID_QUANTITY);
        assertThat(SPEC.quantityToLots("-2.5").code()).isEqualTo(ResultCode.INVALID_QUANTITY);
    }

    @Test
    void shouldRejectTextThatIsNotAPlainDecimal() {
        for (String bad : new String[] {null, "", " ", "abc", "NaN", "Infinity", "-Infinity", "1e3", "1E-2", "0x10",
                "1,5", "1.2.3", " 1", "1 ", "+", "-", ".", "--1", "1_000", "١٢"}) {
            assertThat(SPEC.priceToTicks(bad).code()).as("price %s", bad).isEqualTo(ResultCode.MALFORMED_NUMBER);
            assertThat(SPEC.quantityToLots(bad).code()).as("quantity %s", bad).isEqualTo(ResultCode.MALFORMED_NUMBER);
        }
        assertThat(SPEC.priceToTicks("1".repeat(101)).code()).isEqualTo(ResultCode.MALFORMED_NUMBER);
    }

    @Test
    void shouldRejectValuesTooLargeForTicksOrLots() {
        assertThat(SPEC.priceToTicks("92233720368547758.08").code()).isEqualTo(ResultCode.NUMBER_TOO_LARGE);
        assertThat(SPEC.priceToTicks("92233720368547758.07")).isEqualTo(Conversion.of(Long.MAX_VALUE));
        assertThat(SPEC.quantityToLots("9".repeat(60)).code()).isEqualTo(ResultCode.NUMBER_TOO_LARGE);
        assertThat(SPEC.priceToTicks("1" + "0".repeat(99)).code()).isEqualTo(ResultCode.NUMBER_TOO_LARGE);
    }

    @Test
    void shouldConvertTicksAndLotsBackToDecimals() {
        assertThat(SPEC.ticksToPrice(15_025)).isEqualByComparingTo("150.25");
        assertThat(SPEC.lotsToQuantity(5)).isEqualByComparingTo("2.5");
    }

    @Test
    void shouldDeriveBandAroundReferencePrice() {
        assertThat(SPEC.minPrice()).isEqualTo(13_500);
        assertThat(SPEC.maxPrice()).isEqualTo(16_500);
        assertThat(SPEC.bandLevels()).isEqualTo(3_001);
        assertThat(SPEC.inBand(13_500)).isTrue();
        assertThat(SPEC.inBand(13_499)).isFalse();
        assertThat(SPEC.inBand(16_501)).isFalse();
    }

    @Test
    void shouldNeverLetBandGoBelowOneTick() {
        InstrumentSpec wide = new InstrumentSpec("X", BigDecimal.ONE, BigDecimal.ONE, 1, 10, 100, 500);

        assertThat(wide.minPrice()).isEqualTo(1);
        assertThat(wide.maxPrice()).isEqualTo(600);
    }

    @Test
    void shouldBuildBandFromFractionOfReferencePrice() {
        InstrumentSpec tenPercent = InstrumentSpec.withBandFraction("X", new BigDecimal("0.01"), BigDecimal.ONE, 1, 100,
                12_345, new BigDecimal("0.1"));

        assertThat(tenPercent.bandTicks()).isEqualTo(1_234);
        assertThat(tenPercent.minPrice()).isEqualTo(11_111);
        assertThat(tenPercent.maxPrice()).isEqualTo(13_579);
    }

    @Test
    void shouldRefuseInconsistentInstrument() {
        BigDecimal tick = new BigDecimal("0.01");
        assertThatThrownBy(() -> new InstrumentSpec(" ", tick, tick, 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InstrumentSpec("X", BigDecimal.ZERO, tick, 1, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InstrumentSpec("X", tick, tick.negate(), 1, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InstrumentSpec("X", tick, tick, 0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InstrumentSpec("X", tick, tick, 5, 4, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InstrumentSpec("X", tick, tick, 1, InstrumentSpec.MAX_QUANTITY + 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InstrumentSpec("X", tick, tick, 1, 1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InstrumentSpec("X", tick, tick, 1, 1, 100, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InstrumentSpec("X", tick, tick, 1, 1, Long.MAX_VALUE, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InstrumentSpec("X", tick, tick, 1, 1, 100_000_000, InstrumentSpec.MAX_BAND_LEVELS))
                .as("band wider than the price index allows").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepResultCodesInTheirRanges() {
        assertThat(ResultCode.SUCCESS.code()).isZero();
        for (ResultCode code : ResultCode.values()) {
            assertThat(ResultCode.ofCode(code.code())).isSameAs(code);
            String name = code.name();
            if (name.startsWith("SNAPSHOT")) {
                assertThat(code.code()).isBetween(400, 499);
            }
        }
        assertThat(ResultCode.PRICE_OFF_TICK.isValidationError()).isTrue();
        assertThat(ResultCode.PRICE_OUTSIDE_BAND.isRiskError()).isTrue();
        assertThat(ResultCode.POST_ONLY_WOULD_CROSS.isMatchingError()).isTrue();
        assertThat(ResultCode.ofCode(999)).isNull();
    }
}
