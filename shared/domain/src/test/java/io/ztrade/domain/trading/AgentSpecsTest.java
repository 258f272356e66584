package io.ztrade.domain.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.domain.market.Instruments;
import io.ztrade.domain.market.Timeframe;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class AgentSpecsTest {

    static final String FILE = "agents/aapl-sma/context.yaml";

    /** What a YAML parser gives for a valid trader (Integer and Double numbers, nested maps). */
    static Map<String, Object> valid() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", "aapl-sma");
        t.put("description", "AAPL daily SMA crossover");
        t.put("symbol", "AAPL");
        t.put("timeframe", "1Day");
        t.put("strategy", "sma-crossover");
        t.put("params", new LinkedHashMap<>(Map.of("fast", 10, "slow", 30)));
        t.put("capital", 10000);
        t.put("maxPositionSize", 50);
        t.put("stopLoss", 0.05);
        t.put("takeProfit", 0.1);
        t.put("maxDailyTrades", 4);
        t.put("minConfidence", 0.65);
        t.put("dryRun", true);
        return t;
    }

    static Map<String, Object> with(String key, Object value) {
        Map<String, Object> t = valid();
        if (key.startsWith("params.")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) t.get("params");
            p.put(key.substring(7), value);
        } else {
            t.put(key, value);
        }
        return t;
    }

    static Map<String, Object> without(String key) {
        Map<String, Object> t = valid();
        t.remove(key);
        return t;
    }

    @Test
    void shouldBuildAValidTrader() {
        AgentSpec s = AgentSpecs.fromTree(valid(), FILE);
        assertThat(s.id()).isEqualTo("aapl-sma");
        assertThat(s.instrument()).isEqualTo(Instruments.AAPL);
        assertThat(s.timeframe()).isEqualTo(Timeframe.DAY_1);
        assertThat(s.strategy().id()).isEqualTo("sma-crossover");
        assertThat(s.strategy().params().asMap()).containsEntry("fast", 10).containsEntry("slow", 30);
        assertThat(s.capital()).isEqualByComparingTo("10000");
        assertThat(s.maxPositionSize()).isEqualByComparingTo("50");
        assertThat(s.stopLoss()).isEqualTo(new BigDecimal("0.05"));
        assertThat(s.takeProfit()).isEqualTo(new BigDecimal("0.1"));
        assertThat(s.maxDailyTrades()).isEqualTo(4);
        assertThat(s.minConfidence()).isEqualTo(0.65);
        assertThat(s.dryRun()).isTrue();
        assertThat(s.kind()).isEqualTo(AgentKind.TRADER);
        assertThat(s.sourceFile()).isEqualTo(FILE);
    }

    @Test
    void toTreeShouldReadBackToAnEqualSpec() {
        AgentSpec trader = AgentSpecs.fromTree(valid(), FILE);
        AgentSpec again = AgentSpecs.fromTree(AgentSpecs.toTree(trader), FILE);
        assertThat(again).usingRecursiveComparison().ignoringFields("strategy").isEqualTo(trader);
        assertThat(again.strategy().id()).isEqualTo(trader.strategy().id());
        assertThat(again.strategy().params().asMap()).isEqualTo(trader.strategy().params().asMap());
        AgentSpec mm = AgentSpecs.fromTree(mm(Map.of("spread", 0.002, "size", 5, "inventoryLimit", 50)), FILE);
        assertThat(AgentSpecs.fromTree(AgentSpecs.toTree(mm), FILE)).isEqualTo(mm);
    }

    @Test
    void shouldApplyDefaults() {
        Map<String, Object> t = valid();
        for (String k : new String[] {"description", "params", "stopLoss", "takeProfit", "maxDailyTrades", "minConfidence", "dryRun"}) {
            t.remove(k);
        }
        AgentSpec s = AgentSpecs.fromTree(t, FILE);
        assertThat(s.strategy().params().asMap()).containsEntry("fast", 10).containsEntry("slow", 30);
        assertThat(s.stopLoss()).isNull();
        assertThat(s.maxDailyTrades()).isEqualTo(AgentSpecs.DEFAULT_MAX_DAILY_TRADES);
        assertThat(s.minConfidence()).isZero();
        assertThat(s.dryRun()).isFalse();
    }

    @Test
    void shouldBuildAMarketMaker() {
        Map<String, Object> t = valid();
        t.remove("strategy");
        t.remove("params");
        t.put("symbol", "BTC-USD");
        t.put("timeframe", "1Hour");
        t.put("kind", "market-maker");
        t.put("maxPositionSize", 2.5);
        t.put("marketMaker", Map.of("spread", 0.002, "size", 0.05, "inventoryLimit", 1));
        AgentSpec s = AgentSpecs.fromTree(t, FILE);
        assertThat(s.kind()).isEqualTo(AgentKind.MARKET_MAKER);
        assertThat(s.strategy()).isNull();
        assertThat(s.marketMaker()).isEqualTo(new MarketMakerSettings(new BigDecimal("0.002"), new BigDecimal("0.05"), BigDecimal.valueOf(1)));
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of(with("colour", "red"), "colour", "unknown field"),
                Arguments.of(with("strategy", "moon-phase"), "strategy", "unknown strategy 'moon-phase'"),
                Arguments.of(with("params.fast", 50), "params.fast", "must be less than slow (30)"),
                Arguments.of(with("params.fast", 10.5), "params.fast", "integer"),
                Arguments.of(with("params.speed", 3), "params.speed", "unknown parameter"),
                Arguments.of(with("params", "fast"), "params", "mapping"),
                Arguments.of(with("capital", -100), "capital", "must be > 0, was -100"),
                Arguments.of(with("capital", 0), "capital", "> 0"),
                Arguments.of(with("capital", "10000"), "capital", "must be a number, was the string"),
                Arguments.of(with("stopLoss", 1.5), "stopLoss", "100% or more"),
                Arguments.of(with("stopLoss", 1), "stopLoss", "100% or more"),
                Arguments.of(with("stopLoss", 0), "stopLoss", "(0, 1)"),
                Arguments.of(with("takeProfit", -0.1), "takeProfit", "> 0"),
                Arguments.of(with("symbol", "TSLA"), "symbol", "unknown symbol 'TSLA', expected one of AAPL, BTC-USD, ETH-USD"),
                Arguments.of(with("timeframe", "2Day"), "timeframe", "unknown timeframe"),
                Arguments.of(with("maxPositionSize", 10.5), "maxPositionSize", "lot size 1"),
                Arguments.of(with("maxDailyTrades", 0), "maxDailyTrades", ">= 1"),
                Arguments.of(with("maxDailyTrades", 2.5), "maxDailyTrades", "whole number"),
                Arguments.of(with("minConfidence", 1.2), "minConfidence", "[0, 1]"),
                Arguments.of(with("dryRun", "yes"), "dryRun", "true or false"),
                Arguments.of(with("kind", "arbitrageur"), "kind", "unknown kind"),
                Arguments.of(with("marketMaker", Map.of("spread", 0.01)), "marketMaker", "only for kind MARKET_MAKER"),
                Arguments.of(with("id", "AAPL SMA"), "id", "lower-case"),
                Arguments.of(with("id", "a".repeat(41)), "id", "1 to 40"),
                Arguments.of(with("capital", Double.NaN), "capital", "finite"),
                Arguments.of(without("symbol"), "symbol", "is required"),
                Arguments.of(without("capital"), "capital", "is required"),
                Arguments.of(without("strategy"), "strategy", "is required"),
                Arguments.of(Map.of(), "id", "empty"),
                Arguments.of(mm(Map.of("spread", 0.002, "size", 1)), "marketMaker.inventoryLimit", "is required"),
                Arguments.of(mm(Map.of("spread", 1, "size", 1, "inventoryLimit", 5)), "marketMaker.spread", "(0, 1)"),
                Arguments.of(mm(Map.of("spread", 0.01, "size", 1, "inventoryLimit", 5, "skew", 1)), "marketMaker.skew", "unknown field"),
                Arguments.of(mmWithStrategy(), "strategy", "MARKET_MAKER"));
    }

    static Map<String, Object> mm(Map<String, Object> settings) {
        Map<String, Object> t = valid();
        t.remove("strategy");
        t.remove("params");
        t.put("kind", "MARKET_MAKER");
        t.put("marketMaker", settings);
        return t;
    }

    static Map<String, Object> mmWithStrategy() {
        Map<String, Object> t = mm(Map.of("spread", 0.01, "size", 1, "inventoryLimit", 5));
        t.put("strategy", "momentum");
        return t;
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("badInput")
    void shouldRefuseBadInputNamingFileAndField(Map<String, Object> tree, String field, String reason) {
        assertThatThrownBy(() -> AgentSpecs.fromTree(tree, FILE))
                .isInstanceOfSatisfying(InvalidAgentException.class, e -> {
                    assertThat(e.file()).isEqualTo(FILE);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.reason()).contains(reason);
                    assertThat(e.getMessage()).startsWith(FILE + ": " + field + ": ");
                });
    }
}
