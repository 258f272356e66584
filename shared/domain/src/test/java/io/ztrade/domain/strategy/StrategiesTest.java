package io.ztrade.domain.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategiesTest {

    @Test
    void shouldListEveryStrategyId() {
        assertThat(Strategies.ids()).containsExactly("sma-crossover", "rsi-mean-reversion", "momentum", "ztrade-combined");
        assertThat(Strategies.descriptors()).extracting(StrategyDescriptor::id).isEqualTo(Strategies.ids());
    }

    @Test
    void shouldBuildEveryStrategyWithDefaultsFromNullOrEmptyParams() {
        for (String id : Strategies.ids()) {
            Strategy fromNull = Strategies.create(id, null);
            Strategy fromEmpty = Strategies.create(id, Map.of());
            assertThat(fromNull.id()).isEqualTo(id);
            assertThat(fromNull.params()).isEqualTo(fromEmpty.params());
            StrategyDescriptor d = Strategies.describe(id);
            for (ParameterSpec p : d.parameters()) {
                assertThat(fromNull.params().asMap().get(p.name())).as("%s.%s", id, p.name()).isEqualTo(p.defaultValue());
            }
            assertThat(fromNull.params().asMap().keySet())
                    .containsExactlyElementsOf(d.parameters().stream().map(ParameterSpec::name).toList());
        }
    }

    @Test
    void shouldHaveTheDocumentedDefaults() {
        assertThat(Strategies.create("sma-crossover").params()).isEqualTo(new SmaCrossover.Params(10, 30));
        assertThat(Strategies.create("rsi-mean-reversion").params()).isEqualTo(new RsiMeanReversion.Params(14, 30, 70));
        assertThat(Strategies.create("momentum").params()).isEqualTo(new Momentum.Params(10, 0.0));
        assertThat(Strategies.create("ztrade-combined").params())
                .isEqualTo(new ZtradeCombined.Params(10, 30, 14, 0.02, 0.65, 0.3, -0.3));
    }

    @Test
    void shouldTakeGivenParamsAndDefaultTheRest() {
        Strategy s = Strategies.create("sma-crossover", Map.of("slow", 50));

        assertThat(s).isInstanceOf(SmaCrossover.class);
        assertThat(s.params()).isEqualTo(new SmaCrossover.Params(10, 50));
    }

    @Test
    void shouldAcceptEveryJsonIntegerShape() {
        for (Object fast : new Object[] {5, 5L, BigInteger.valueOf(5), new BigDecimal("5"), new BigDecimal("5.000"),
                new BigDecimal("5E0"), 5.0, (short) 5}) {
            assertThat(((SmaCrossover.Params) Strategies.create("sma-crossover", Map.of("fast", fast)).params()).fast())
                    .as("%s (%s)", fast, fast.getClass().getSimpleName())
                    .isEqualTo(5);
        }
    }

    @Test
    void shouldAcceptAnyFiniteNumberForDecimals() {
        assertThat(((Momentum.Params) Strategies.create("momentum", Map.of("threshold", 1)).params()).threshold())
                .isEqualTo(1.0);
        assertThat(((Momentum.Params) Strategies.create("momentum", Map.of("threshold", new BigDecimal("0.025"))).params())
                        .threshold())
                .isEqualTo(0.025);
    }

    @Test
    void shouldRejectUnknownStrategyListingTheKnownIds() {
        assertThatThrownBy(() -> Strategies.create("moon-shot", Map.of()))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.field()).isEqualTo("strategy");
                    assertThat(e.getMessage()).contains("moon-shot", "sma-crossover", "rsi-mean-reversion", "momentum",
                            "ztrade-combined");
                });
        assertField(() -> Strategies.create(null, null), "strategy");
    }

    @Test
    void shouldRejectUnknownParamNamingIt() {
        assertField(() -> Strategies.create("sma-crossover", Map.of("fast", 5, "slowest", 40)), "slowest");
        Map<String, Object> withNullKey = new HashMap<>();
        withNullKey.put(null, 1);
        assertField(() -> Strategies.create("momentum", withNullKey), "null");
    }

    @Test
    void shouldRejectWrongTypesForIntegers() {
        for (Object bad : new Object[] {"10", true, 10.5, Double.NaN, Double.POSITIVE_INFINITY, new BigDecimal("10.5"),
                2_147_483_648L, new BigInteger("99999999999999999999"), new BigDecimal("1E+40"), 3e9}) {
            assertThatThrownBy(() -> Strategies.create("sma-crossover", Map.of("fast", bad)))
                    .as("fast = %s (%s)", bad, bad.getClass().getSimpleName())
                    .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("fast"));
        }
        Map<String, Object> nullValue = new HashMap<>();
        nullValue.put("slow", null);
        assertField(() -> Strategies.create("sma-crossover", nullValue), "slow");
    }

    @Test
    void shouldRejectWrongTypesForDecimals() {
        for (Object bad : new Object[] {"0.1", false, Double.NaN, Double.NEGATIVE_INFINITY, new BigDecimal("1E+400"),
                Map.of()}) {
            assertThatThrownBy(() -> Strategies.create("momentum", Map.of("threshold", bad)))
                    .as("threshold = %s", bad)
                    .isInstanceOfSatisfying(
                            InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("threshold"));
        }
    }

    @Test
    void shouldRejectOutOfRangeValuesNamingTheField() {
        assertField(() -> Strategies.create("sma-crossover", Map.of("fast", 0)), "fast");
        assertField(() -> Strategies.create("sma-crossover", Map.of("fast", 40)), "fast"); // not below slow=30
        assertField(() -> Strategies.create("sma-crossover", Map.of("slow", 10_001)), "slow");
        assertField(() -> Strategies.create("rsi-mean-reversion", Map.of("period", 1_001)), "period");
        assertField(() -> Strategies.create("rsi-mean-reversion", Map.of("oversold", 80)), "oversold");
        assertField(() -> Strategies.create("rsi-mean-reversion", Map.of("overbought", 100)), "overbought");
        assertField(() -> Strategies.create("momentum", Map.of("period", 10_001)), "period");
        assertField(() -> Strategies.create("momentum", Map.of("threshold", -0.5)), "threshold");
        assertField(() -> Strategies.create("ztrade-combined", Map.of("minConfidence", 1.5)), "minConfidence");
        assertField(() -> Strategies.create("ztrade-combined", Map.of("buyThreshold", 0)), "buyThreshold");
        assertField(() -> Strategies.create("ztrade-combined", Map.of("sellThreshold", -1)), "sellThreshold");
        assertField(() -> Strategies.create("ztrade-combined", Map.of("trendScale", 0)), "trendScale");
        assertField(() -> Strategies.create("ztrade-combined", Map.of("rsiPeriod", 1)), "rsiPeriod");
    }

    @Test
    void shouldExplainTheRangeInTheMessage() {
        assertThatThrownBy(() -> Strategies.create("rsi-mean-reversion", Map.of("period", 1)))
                .hasMessage("period: must be in [2, 1000], was 1");
        assertThatThrownBy(() -> Strategies.create("momentum", Map.of("period", "10")))
                .hasMessage("period: must be an integer, was the string \"10\"");
    }

    @Test
    void shouldDescribeParametersWithTypeDefaultAndRange() {
        StrategyDescriptor d = Strategies.describe("ztrade-combined");

        assertThat(d.parameters()).extracting(ParameterSpec::name).containsExactly(
                "fast", "slow", "rsiPeriod", "trendScale", "minConfidence", "buyThreshold", "sellThreshold");
        ParameterSpec sell = d.parameter("sellThreshold");
        assertThat(sell.type()).isEqualTo(ParameterType.DECIMAL);
        assertThat(sell.defaultValue()).isEqualTo(-0.3);
        assertThat(sell.range()).isEqualTo("(-1, 0)");
        ParameterSpec fast = Strategies.describe("sma-crossover").parameter("fast");
        assertThat(fast.type().id()).isEqualTo("int");
        assertThat(fast.range()).isEqualTo("[1, 9999]");
        for (StrategyDescriptor each : Strategies.descriptors()) {
            for (ParameterSpec p : each.parameters()) {
                assertThat(p.inRange(p.defaultValue().doubleValue())).as("%s.%s default", each.id(), p.name()).isTrue();
                assertThat(p.description()).isNotBlank();
            }
        }
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
