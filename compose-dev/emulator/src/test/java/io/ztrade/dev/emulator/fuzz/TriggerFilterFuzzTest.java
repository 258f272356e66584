package io.ztrade.dev.emulator.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.ztrade.dev.emulator.filter.EventFilter;
import io.ztrade.dev.emulator.filter.Filters;
import io.ztrade.dev.emulator.filter.InvalidFilterException;
import io.ztrade.events.InvalidEventException;
import io.ztrade.events.http.CloudEventHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Trigger filters in CloudEvents SQL. The input is an expression on the first line and, after it, a
 * structured-mode event to evaluate it on (a fixed event when that part is not a valid one). An
 * expression compiles or is an {@link InvalidFilterException} naming the field; a compiled filter
 * answers true or false for every event and never throws.
 *
 * <p>Seeds: {@code src/test/resources/io/ztrade/dev/emulator/fuzz/TriggerFilterFuzzTestInputs/}.
 */
public class TriggerFilterFuzzTest {

    private static final CloudEvent FIXED = CloudEventBuilder.v1().withId("e-1").withSource(URI.create("/ztrade/cli"))
            .withType("io.ztrade.backtest.requested").withSubject("AAPL").withExtension("ztradehops", "2")
            .withExtension("flag", true).withExtension("n", 7).build();

    @FuzzTest
    void evaluatesAnyExpressionOnAnyEventOrNamesTheField(byte[] input) {
        fuzzerTestOneInput(input);
    }

    public static void fuzzerTestOneInput(byte[] input) {
        int nl = 0;
        while (nl < input.length && input[nl] != '\n') {
            nl++;
        }
        String expression = new String(input, 0, nl, StandardCharsets.UTF_8);
        CloudEvent event = FIXED;
        if (nl + 1 < input.length) {
            try {
                event = CloudEventHttp.read(Map.of("content-type", "application/cloudevents+json"),
                        Arrays.copyOfRange(input, nl + 1, input.length));
            } catch (InvalidEventException e) {
                event = FIXED;
            }
        }
        EventFilter filter;
        try {
            filter = Filters.cesql("spec.filters[0].cesql", expression);
        } catch (InvalidFilterException e) {
            if (!e.getMessage().contains("spec.filters[0].cesql")) {
                throw new AssertionError("the error must name the field: " + e.getMessage(), e);
            }
            return;
        }
        filter.test(event);
    }
}
