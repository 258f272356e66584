package io.ztrade.testtools;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fuzz input read as an HTTP request: {@code Name: value} lines up to the first empty line, then
 * the body. Header bytes are read as ISO-8859-1, as an HTTP server reads them. Fuzz targets read
 * Kafka records the same way (headers, then the value).
 */
public record RawRequest(Map<String, List<String>> headers, byte[] body) {

    public static RawRequest parse(byte[] input) {
        int end = -1;
        for (int i = 0; i + 1 < input.length; i++) {
            if (input[i] == '\n' && input[i + 1] == '\n') {
                end = i;
                break;
            }
        }
        String head = new String(input, 0, end < 0 ? input.length : end, StandardCharsets.ISO_8859_1);
        byte[] body = end < 0 ? new byte[0] : Arrays.copyOfRange(input, end + 2, input.length);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line : head.split("\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            headers.computeIfAbsent(line.substring(0, colon).strip(), k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
        }
        return new RawRequest(headers, body);
    }
}
