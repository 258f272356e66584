package io.ztrade.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.events.payload.SweepRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepRequestTest {

    private static SweepRequest decode(String grid, String extra) {
        String json = "{\"strategy\":\"sma-crossover\",\"grid\":" + grid + ",\"symbol\":\"AAPL\",\"timeframe\":\"1Day\","
                + "\"from\":\"2013-01-01T00:00:00Z\",\"to\":\"2014-01-01T00:00:00Z\",\"initialCapital\":10000" + extra + "}";
        return EventCodec.decode(json.getBytes(StandardCharsets.UTF_8), SweepRequest.class);
    }

    @Test
    void shouldExpandTheGridInNameOrderLastNameFastest() {
        SweepRequest r = decode("{\"slow\":[20,30],\"fast\":[5,10]}", "");
        List<Map<String, Object>> combos = r.combinations();
        assertThat(combos).hasSize(4);
        assertThat(combos.get(0)).containsEntry("fast", 5).containsEntry("slow", 20);
        assertThat(combos.get(1)).containsEntry("fast", 5).containsEntry("slow", 30);
        assertThat(combos.get(3)).containsEntry("fast", 10).containsEntry("slow", 30);
        assertThat(r.metricOrDefault()).isEqualTo("sharpe");
        assertThat(r.topOrDefault()).isEqualTo(5);
    }

    @Test
    void shouldRejectAnEmptyGridValueList() {
        assertThatThrownBy(() -> decode("{\"fast\":[]}", ""))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("grid.fast"));
    }

    @Test
    void shouldRejectNonNumericGridValues() {
        assertThatThrownBy(() -> decode("{\"fast\":[5,\"ten\"]}", ""))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("grid.fast[1]"));
    }

    @Test
    void shouldRejectUnknownRankingMetric() {
        assertThatThrownBy(() -> decode("{\"fast\":[5]}", ",\"metric\":\"luck\""))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("metric"));
    }

    @Test
    void shouldRejectMoreThanTheMaximumCombinations() {
        StringBuilder values = new StringBuilder("[");
        for (int i = 1; i <= 40; i++) {
            values.append(i == 1 ? "" : ",").append(i);
        }
        values.append("]");
        assertThatThrownBy(() -> decode("{\"fast\":" + values + ",\"slow\":" + values + "}", ""))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("grid"));
    }

    @Test
    void shouldCheckTheSharedFieldsLikeABacktestRequest() {
        assertThatThrownBy(() -> decode("{\"fast\":[5]}", ",\"initialCapital\":0").toString())
                .isInstanceOf(InvalidEventException.class);
    }
}
