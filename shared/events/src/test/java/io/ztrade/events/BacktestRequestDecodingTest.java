package io.ztrade.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.events.payload.BacktestRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BacktestRequestDecodingTest {

    static final String VALID = """
            {"strategy":"sma-crossover","params":{"fast":10,"slow":30},"symbol":"AAPL","timeframe":"1Day",
             "from":"2013-01-01T00:00:00Z","to":"2014-01-01T00:00:00Z","initialCapital":10000.10,
             "commissionPerTrade":1,"commissionBps":0,"slippageBps":5}""";

    private static Object decode(String json) {
        return EventCodec.decode(EventTypes.BACKTEST_REQUESTED, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldDecodeAValidRequestWithExactMoney() {
        BacktestRequest r = (BacktestRequest) decode(VALID);
        assertThat(r.strategy()).isEqualTo("sma-crossover");
        assertThat(r.from()).isEqualTo(Instant.parse("2013-01-01T00:00:00Z"));
        assertThat(r.initialCapital()).isEqualByComparingTo(new BigDecimal("10000.10"));
        assertThat(r.toStrategy().params().asMap()).containsEntry("fast", 10).containsEntry("slow", 30);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "\"strategy\":\"sma-crossover\",                          | \"strategy\":\"\",                    | strategy",
        "\"strategy\":\"sma-crossover\",                          | \"strategy\":\"martingale\",          | strategy",
        "\"symbol\":\"AAPL\",                                     |                                       | symbol",
        "\"timeframe\":\"1Day\",                                  | \"timeframe\":\"1Week\",              | timeframe",
        "\"from\":\"2013-01-01T00:00:00Z\",                       | \"from\":\"2015-01-01T00:00:00Z\",    | from",
        "\"from\":\"2013-01-01T00:00:00Z\",                       | \"from\":\"yesterday\",               | from",
        "\"initialCapital\":10000.10,                             | \"initialCapital\":-5,                | initialCapital",
        "\"initialCapital\":10000.10,                             |                                       | initialCapital",
        "\"initialCapital\":10000.10,                             | \"initialCapital\":\"lots\",          | initialCapital",
        "\"slippageBps\":5}                                       | \"slippageBps\":-1}                   | slippageBps",
        "\"commissionPerTrade\":1,                                | \"commissionPerTrade\":-1,            | commissionPerTrade",
        "\"params\":{\"fast\":10,\"slow\":30},                    | \"params\":{\"fast\":30,\"slow\":10}, | params.fast",
        "\"params\":{\"fast\":10,\"slow\":30},                    | \"params\":{\"fast\":10.5},           | params.fast",
        "\"params\":{\"fast\":10,\"slow\":30},                    | \"params\":{\"fsat\":10},             | params.fsat",
        "\"symbol\":\"AAPL\",                                     | \"symbol\":\"AAPL\",\"colour\":1,    | colour",
    })
    void shouldRejectBadFieldsNamingThem(String original, String replacement, String field) {
        String json = VALID.replace(original.strip(), replacement == null ? "" : replacement.strip());
        assertThat(json).isNotEqualTo(VALID);
        assertThatThrownBy(() -> decode(json))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void shouldRejectMalformedJsonAsData() {
        assertThatThrownBy(() -> decode("{\"strategy\": "))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("data"));
    }

    @Test
    void shouldRejectMissingData() {
        assertThatThrownBy(() -> decode(""))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("data"));
    }
}
