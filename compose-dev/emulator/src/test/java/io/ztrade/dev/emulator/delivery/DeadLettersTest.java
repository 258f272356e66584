package io.ztrade.dev.emulator.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    static final CloudEvent EVENT = CloudEventBuilder.v1().withId("1").withSource(URI.create("/s")).withType("t")
            .withData("application/json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)).build();

    @Test
    void carriesTheFailedDestinationStatusAndResponseBody() {
        AttemptResult last = new AttemptResult("http://sub/", 503, "busy".getBytes(StandardCharsets.UTF_8), 3.0, null, null, null);
        CloudEvent dl = DeadLetters.of(EVENT, "http://sub/", last);
        assertThat(dl.getExtension("knativeerrordest")).isEqualTo("http://sub/");
        assertThat(dl.getExtension("knativeerrorcode")).isEqualTo("503");
        assertThat(new String(Base64.getDecoder().decode(dl.getExtension("knativeerrordata").toString()), StandardCharsets.UTF_8))
                .isEqualTo("busy");
        assertThat(dl.getId()).isEqualTo("1");
        assertThat(dl.getData().toBytes()).isEqualTo(EVENT.getData().toBytes());
    }

    @Test
    void truncatesTheResponseBodyTo1024Bytes() {
        AttemptResult last = new AttemptResult("http://sub/", 500, "x".repeat(5000).getBytes(StandardCharsets.UTF_8), 3.0, null, null, null);
        CloudEvent dl = DeadLetters.of(EVENT, "http://sub/", last);
        assertThat(Base64.getDecoder().decode(dl.getExtension("knativeerrordata").toString())).hasSize(1024);
    }

    @Test
    void withoutAResponseHasNoCodeButSaysWhatWentWrong() {
        AttemptResult last = AttemptResult.failure("http://sub/", 3.0, "connection refused");
        CloudEvent dl = DeadLetters.of(EVENT, "http://sub/", last);
        assertThat(dl.getExtension("knativeerrorcode")).isNull();
        assertThat(new String(Base64.getDecoder().decode(dl.getExtension("knativeerrordata").toString()), StandardCharsets.UTF_8))
                .isEqualTo("connection refused");
    }
}
