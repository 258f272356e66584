package io.ztrade.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Inputs the fuzzer found: each is refused naming the field, never taken in one of two readings. */
class EventCodecStrictnessTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"symbol\":\"AAPL\",\"symbol\":\"BTC-USD\"}|symbol",
        "{\"params\":{\"fast\":10,\"fast\":3}}|params.fast",
        "{\"\":\"101.25\"}|data",
        "{\"params\":{},\"\":1}|data",
    })
    void shouldNameTheFieldOfAnAmbiguousOrUnknownMember(String json, String field) {
        assertThatThrownBy(() -> EventCodec.decode(EventTypes.BACKTEST_REQUESTED, json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
