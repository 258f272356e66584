package io.ztrade.events.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cloudevents.CloudEvent;
import io.ztrade.events.CloudEventRules;
import io.ztrade.events.InvalidEventException;
import io.ztrade.events.http.CloudEventHttp;
import io.ztrade.testtools.RawRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * CloudEvent HTTP decoding. The input is an HTTP request as it arrives: header lines
 * ({@code Name: value}), an empty line, the body. It is either a CloudEvent that keeps every rule
 * (and survives a round trip through binary mode unchanged) or an {@link InvalidEventException}
 * naming an attribute; never anything else.
 *
 * <p>Seeds: {@code src/test/resources/io/ztrade/events/fuzz/CloudEventHttpFuzzTestInputs/}.
 */
public class CloudEventHttpFuzzTest {

    @FuzzTest
    void readsAnyRequestAsAValidEventOrANamedError(byte[] input) {
        fuzzerTestOneInput(input);
    }

    /** The target, also for the standalone fuzzer of the {@code fuzz} profile. */
    public static void fuzzerTestOneInput(byte[] input) {
        RawRequest request = RawRequest.parse(input);
        CloudEvent event;
        try {
            event = CloudEventHttp.readHeaders(request.headers(), request.body());
        } catch (InvalidEventException e) {
            if (e.field() == null || e.field().isEmpty()) {
                throw new AssertionError("an error must name a field: " + e.getMessage(), e);
            }
            return;
        }
        CloudEventRules.check(event);
        Map<String, String> written = new HashMap<>();
        byte[] again = CloudEventHttp.writeBinary(event, written::put);
        CloudEvent back = CloudEventHttp.read(written, again);
        if (!back.getId().equals(event.getId()) || !back.getType().equals(event.getType())
                || !back.getSource().equals(event.getSource()) || !back.getExtensionNames().equals(event.getExtensionNames())
                || !java.util.Objects.equals(back.getSubject(), event.getSubject())) {
            throw new AssertionError("binary round trip changed " + event + " into " + back);
        }
    }
}
