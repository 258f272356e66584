package io.ztrade.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.ztrade.events.http.CloudEventHttp;
import io.ztrade.events.http.UnsupportedEventFormatException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The CloudEvents 1.0 rules, in structured and binary mode, each violation naming its attribute. */
class CloudEventRulesTest {

    @Test
    void acceptsAsAttributeNameExactlyWhatTheSpecificationsPatternAccepts() {
        java.util.Random random = new java.util.Random(20261204);
        String alphabet = "abcxyz0189AZ_-.:é\u0000 ";
        List<String> names = new java.util.ArrayList<>(List.of("", "data", "a", "traceparent", "a".repeat(20), "a".repeat(21)));
        for (int c = 0; c < 256; c++) {
            names.add(String.valueOf((char) c));
        }
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int len = random.nextInt(23); len > 0; len--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            names.add(b.toString());
        }
        for (String name : names) {
            boolean allowed = CloudEventRules.NAME.matcher(name).matches() && !name.equals("data");
            if (allowed) {
                CloudEventRules.checkName(name);
            } else {
                assertThatThrownBy(() -> CloudEventRules.checkName(name)).as("'%s'", name).isInstanceOf(InvalidEventException.class);
            }
        }
    }


    private static final Map<String, String> STRUCTURED = Map.of("content-type", "application/cloudevents+json");

    private static Map<String, String> binary() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("ce-specversion", "1.0");
        h.put("ce-id", "e-1");
        h.put("ce-source", "/test");
        h.put("ce-type", EventTypes.BACKTEST_REQUESTED);
        h.put("content-type", "application/json");
        return h;
    }

    private static byte[] structured(String extraMembers) {
        return ("{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"/test\",\"type\":\"t\"" + extraMembers + ",\"data\":{}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void rejectedStructured(String extraMembers, String field) {
        assertThatThrownBy(() -> CloudEventHttp.read(STRUCTURED, structured(extraMembers)))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bad_Name", "UPPER", "with-dash", "with.dot", "abcdefghijklmnopqrstu", "ünï"})
    void shouldRejectAStructuredAttributeNameTheSpecForbidsNamingIt(String name) {
        rejectedStructured(",\"" + name + "\":\"x\"", name);
    }

    @Test
    void shouldRejectAnEmptyAttributeName() {
        rejectedStructured(",\"\":\"x\"", "event");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bad_Name", "with.dot", "abcdefghijklmnopqrstu"})
    void shouldRejectABinaryHeaderWhoseAttributeNameTheSpecForbids(String name) {
        Map<String, String> h = binary();
        h.put("ce-" + name, "x");
        assertThatThrownBy(() -> CloudEventHttp.read(h, new byte[0]))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo(name.toLowerCase()));
    }

    @Test
    void shouldReadHeaderNamesCaseInsensitivelyAndKeepExtensions() {
        Map<String, String> h = binary();
        h.put("CE-ZtradeSchedule", "nightly");
        CloudEvent e = CloudEventHttp.read(h, "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(e.getExtension("ztradeschedule")).isEqualTo("nightly");
    }

    @Test
    void shouldAcceptTwentyCharacterNamesAndDigits() {
        CloudEvent e = CloudEventHttp.read(STRUCTURED, structured(",\"abcdefghij0123456789\":\"x\",\"n\":7,\"b\":true,\"nul\":null"));
        assertThat(e.getExtension("abcdefghij0123456789")).isEqualTo("x");
        assertThat(e.getExtension("n")).isEqualTo(7);
        assertThat(e.getExtension("b")).isEqualTo(true);
        assertThat(e.getExtensionNames()).doesNotContain("nul");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"ext\":{\"a\":1}|ext",
        "\"ext\":[1]|ext",
        "\"ext\":1.5|ext",
        "\"ext\":4294967296|ext",
        "\"id\":7|id",
        "\"subject\":\"\"|subject",
        "\"subject\":\"a\\u0007b\"|subject",
        "\"subject\":\"\\ud800\"|subject",
        "\"subject\":\"\\ufffe\"|subject",
        "\"dataschema\":\"relative/path\"|dataschema",
        "\"datacontenttype\":\"not a media type\"|datacontenttype",
        "\"time\":\"yesterday\"|time",
        "\"time\":\"2026-02-30T10:00:00Z\"|time",
        "\"time\":\"2026-01-02 10:00:00Z\"|time",
        "\"time\":\"2026-01-02T10:00:00\"|time",
        "\"data_base64\":\"!!!\"|data_base64",
    })
    void shouldRejectAValueOfTheWrongTypeNamingTheAttribute(String member, String field) {
        // the members are added after the required ones; a repeated "id" is refused as ambiguous
        String body = "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"/test\",\"type\":\"t\"," + member + "}";
        assertThatThrownBy(() -> CloudEventHttp.read(STRUCTURED, body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-02T10:00:00Z", "2026-01-02t10:00:00.123456789z", "2026-01-02T10:00:00+05:30"})
    void shouldAcceptRfc3339Times(String time) {
        Map<String, String> h = binary();
        h.put("ce-time", time);
        assertThat(CloudEventHttp.read(h, new byte[0]).getTime()).isNotNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"ce-time|2026-13-01T00:00:00Z|time", "ce-specversion|0.3|specversion", "ce-id||id",
            "ce-source|:/no|source", "ce-dataschema|x|dataschema", "content-type|;;|datacontenttype"})
    void shouldRejectABadBinaryAttributeNamingIt(String header, String value, String field) {
        Map<String, String> h = binary();
        h.put(header, value == null ? "" : value);
        assertThatThrownBy(() -> CloudEventHttp.read(h, new byte[0]))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void shouldRejectAnAttributeHeaderGivenTwice() {
        Map<String, List<String>> h = new LinkedHashMap<>();
        binary().forEach((k, v) -> h.put(k, List.of(v)));
        h.put("ce-subject", List.of("a", "b"));
        assertThatThrownBy(() -> CloudEventHttp.readHeaders(h, new byte[0]))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("subject"));
        h.remove("ce-subject");
        h.put("ce-id", List.of("one"));
        h.put("CE-ID", List.of("two"));
        assertThatThrownBy(() -> CloudEventHttp.readHeaders(h, new byte[0]))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("id"));
    }

    @Test
    void shouldPercentDecodeHeaderValuesAndRejectBytesThatAreNotUtf8() {
        Map<String, String> h = binary();
        h.put("ce-subject", "Euro%20%E2%82%AC%20%F0%9F%98%80");
        assertThat(CloudEventHttp.read(h, new byte[0]).getSubject()).isEqualTo("Euro \u20ac \ud83d\ude00");
        h.put("ce-subject", "%C0%A0");
        assertThatThrownBy(() -> CloudEventHttp.read(h, new byte[0]))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("subject"));
        h.put("ce-subject", "bad%4");
        assertThatThrownBy(() -> CloudEventHttp.read(h, new byte[0]))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("subject"));
        h.put("ce-subject", "\"quoted \\\"value\\\"\"");
        assertThat(CloudEventHttp.read(h, new byte[0]).getSubject()).isEqualTo("quoted \"value\"");
    }

    @Test
    void shouldPercentEncodeWhatTheBindingRequiresWhenWritingAndReadItBack() {
        CloudEvent original = CloudEventBuilder.v1().withId("id with space").withSource(URI.create("/s")).withType("t")
                .withSubject("100% \"sure\" \u20ac\ud83d\ude00").withExtension("ext", "plain").build();
        Map<String, String> headers = new HashMap<>();
        byte[] body = CloudEventHttp.writeBinary(original, headers::put);
        assertThat(headers.get("ce-id")).isEqualTo("id%20with%20space");
        assertThat(headers.get("ce-subject")).isEqualTo("100%25%20%22sure%22%20%E2%82%AC%F0%9F%98%80");
        assertThat(headers.get("ce-ext")).isEqualTo("plain");
        headers.values().forEach(v -> assertThat(v.chars()).allMatch(c -> c > 0x20 && c < 0x7f));
        CloudEvent back = CloudEventHttp.read(headers, body);
        assertThat(back.getId()).isEqualTo(original.getId());
        assertThat(back.getSubject()).isEqualTo(original.getSubject());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/cloudevents-batch+json", "application/cloudevents-batch+json; charset=utf-8",
            "application/cloudevents+xml"})
    void shouldRefuseBatchedModeAndOtherStructuredFormatsAsUnsupported(String contentType) {
        assertThatThrownBy(() -> CloudEventHttp.read(Map.of("content-type", contentType), "[]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(UnsupportedEventFormatException.class, e -> assertThat(e.field()).isEqualTo("content-type"));
    }

    @Test
    void shouldRejectDataAndDataBase64Together() {
        String body = "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"/test\",\"type\":\"t\",\"data\":1,\"data_base64\":\"AA==\"}";
        assertThatThrownBy(() -> CloudEventHttp.read(STRUCTURED, body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("data_base64"));
    }

    @Test
    void shouldReadABase64PayloadInStructuredMode() {
        String body = "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"/test\",\"type\":\"t\",\"data_base64\":\"AAEC\"}";
        CloudEvent e = CloudEventHttp.read(STRUCTURED, body.getBytes(StandardCharsets.UTF_8));
        assertThat(e.getData().toBytes()).containsExactly(0, 1, 2);
    }
}
