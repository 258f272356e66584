package io.ztrade.events.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ztrade.events.EventCatalog;
import io.ztrade.events.EventCodec;
import io.ztrade.events.InvalidEventException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The event payload codec. The input is a catalog type on the first line and the event's JSON data
 * after it. Decoding gives a validated payload whose encoding decodes to the same payload again (a
 * fixed point after the first normalisation, e.g. {@code 3E0} written as {@code 3}), or an
 * {@link InvalidEventException} naming a field; never anything else.
 *
 * <p>Seeds: {@code src/test/resources/io/ztrade/events/fuzz/EventCodecFuzzTestInputs/}.
 */
public class EventCodecFuzzTest {

    private static final List<String> TYPES = EventCatalog.entries().stream().map(EventCatalog.Entry::type).toList();

    @FuzzTest
    void decodesAnyDataAsAValidPayloadOrANamedError(byte[] input) {
        fuzzerTestOneInput(input);
    }

    public static void fuzzerTestOneInput(byte[] input) {
        int nl = 0;
        while (nl < input.length && input[nl] != '\n') {
            nl++;
        }
        String first = new String(input, 0, nl, StandardCharsets.UTF_8).strip();
        // a known type most of the time, so that the fuzzer spends its inputs inside the payload decoders
        String type = TYPES.contains(first) ? first : TYPES.get(Math.floorMod(first.hashCode(), TYPES.size()));
        byte[] json = nl < input.length ? Arrays.copyOfRange(input, nl + 1, input.length) : new byte[0];
        Object payload;
        try {
            payload = EventCodec.decode(type, json);
        } catch (InvalidEventException e) {
            if (e.field() == null || e.field().isEmpty()) {
                throw new AssertionError("an error must name a field: " + e.getMessage(), e);
            }
            return;
        }
        byte[] once = EventCodec.encode(payload);
        Object again = EventCodec.decode(type, once);
        if (!java.util.Arrays.equals(once, EventCodec.encode(again))) {
            throw new AssertionError(type + ": encoding and decoding changed " + payload + " into " + again);
        }
    }
}
