package io.ztrade.testtools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Hostile HTTP requests derived from one valid request, sent over a raw socket so that nothing the
 * client library would refuse (a non-ASCII header, two {@code ce-id} headers, a body that is not
 * UTF-8) is filtered out before it reaches the server.
 *
 * <p>{@link #variants} gives, in a fixed order: for every header, the request without it, with it
 * empty, twice, 4 KiB long (within the usual 8 KiB header limit, so that the application sees it) and
 * with non-ASCII bytes; a different content type; for every JSON
 * field (two levels deep) the request without it, with it {@code null}, with a value of every other
 * JSON type, a very long string, a huge number; an unknown field; bodies that are not JSON objects
 * (empty, {@code null}, an array, truncated, not UTF-8, nested 10,000 deep); then {@code random}
 * byte-level mutations of the body from a fixed seed. A test sends each and asserts the service's
 * contract (typically: never 5xx, a 4xx names the field, nothing changed).
 */
public final class HostileHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String LONG = "x".repeat(100_000);

    private HostileHttp() {}

    /** One request; header names keep their order and may repeat. */
    public record Request(String description, String method, String path, List<Map.Entry<String, String>> headers,
            byte[] body) {

        public Request {
            headers = List.copyOf(headers);
        }

        public static Request of(String method, String path, Map<String, String> headers, String body) {
            return new Request("valid", method, path, new ArrayList<>(headers.entrySet()),
                    body.getBytes(StandardCharsets.UTF_8));
        }

        Request with(String what, List<Map.Entry<String, String>> newHeaders, byte[] newBody) {
            return new Request(what, method, path, newHeaders, newBody);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String text = bodyText();
            return description + ": " + method + " " + path + " " + headers + " "
                    + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

    /** What the server answered. */
    public record Response(int status, Map<String, String> headers, String body) {

        /** The {@code field} of a JSON error body, or null. */
        public String field() {
            try {
                JsonNode tree = JSON.readTree(body);
                JsonNode field = tree == null ? null : tree.get("field");
                return field == null || field.isNull() ? null : field.asText();
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** The hostile variants of {@code valid}; see the class comment. */
    public static List<Request> variants(Request valid, int random, long seed) {
        List<Request> out = new ArrayList<>();
        headerVariants(valid, out);
        JsonNode tree = tryParse(valid.body());
        if (tree != null && tree.isObject()) {
            fieldVariants(valid, (ObjectNode) tree, "", out, 0);
        }
        bodyVariants(valid, out);
        Random rnd = new Random(seed);
        for (int i = 0; i < random; i++) {
            out.add(valid.with("mutation " + i, valid.headers(), mutate(valid.body(), rnd)));
        }
        return out;
    }

    private static void headerVariants(Request valid, List<Request> out) {
        List<Map.Entry<String, String>> headers = valid.headers();
        for (int i = 0; i < headers.size(); i++) {
            Map.Entry<String, String> h = headers.get(i);
            if (h.getKey().equalsIgnoreCase("host")) {
                continue;
            }
            String name = h.getKey();
            out.add(valid.with("without header " + name, without(headers, i), valid.body()));
            out.add(valid.with("header " + name + " empty", replaced(headers, i, ""), valid.body()));
            List<Map.Entry<String, String>> twice = new ArrayList<>(headers);
            twice.add(Map.entry(name, h.getValue() + "-other"));
            out.add(valid.with("header " + name + " twice", twice, valid.body()));
            out.add(valid.with("header " + name + " 4 KiB long", replaced(headers, i, "y".repeat(4 * 1024)), valid.body()));
            out.add(valid.with("header " + name + " with non-ASCII bytes", replaced(headers, i, "caf\u00e9\u00ff"),
                    valid.body()));
            out.add(valid.with("header " + name + " with percent junk", replaced(headers, i, "%zz%"), valid.body()));
        }
        int ct = indexOf(headers, "content-type");
        for (String type : List.of("text/plain", "application/xml", "a/b;;;=", "application/cloudevents-batch+json",
                "application/json; charset=latin1")) {
            out.add(valid.with("content-type " + type,
                    ct < 0 ? appended(headers, "Content-Type", type) : replaced(headers, ct, type), valid.body()));
        }
    }

    private static void fieldVariants(Request valid, ObjectNode root, String prefix, List<Request> out, int depth) {
        ObjectNode at = prefix.isEmpty() ? root : (ObjectNode) root.at(pointer(prefix));
        List<String> names = new ArrayList<>();
        at.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            JsonNode original = at.get(name);
            out.add(edit(valid, root, prefix, "without " + path, o -> o.remove(name)));
            out.add(edit(valid, root, prefix, path + " null", o -> o.putNull(name)));
            for (Map.Entry<String, JsonNode> other : otherTypes(original).entrySet()) {
                out.add(edit(valid, root, prefix, path + " as " + other.getKey(), o -> o.set(name, other.getValue())));
            }
            out.add(edit(valid, root, prefix, path + " 100k characters", o -> o.put(name, LONG)));
            out.add(edit(valid, root, prefix, path + " control characters", o -> o.put(name, "a\u0000b\u001fc\u2028")));
            out.add(edit(valid, root, prefix, path + " -1e999", o -> o.set(name, NODES.numberNode(
                    new java.math.BigDecimal("-1e999")))));
            if (original.isTextual()) {
                out.add(edit(valid, root, prefix, path + " with <script>", o -> o.put(name, "<script>alert(1)</script>")));
                out.add(edit(valid, root, prefix, path + " in other case", o -> o.put(name,
                        original.asText().toLowerCase(Locale.ROOT).equals(original.asText())
                                ? original.asText().toUpperCase(Locale.ROOT) : original.asText().toLowerCase(Locale.ROOT))));
            }
            if (original.isObject() && depth < 1) {
                fieldVariants(valid, root, path, out, depth + 1);
            }
        }
        out.add(edit(valid, root, prefix, "unknown field in " + (prefix.isEmpty() ? "the body" : prefix),
                o -> o.put("unexpectedField", 1)));
    }

    private static void bodyVariants(Request valid, List<Request> out) {
        byte[] body = valid.body();
        List<Map.Entry<String, String>> h = valid.headers();
        out.add(valid.with("empty body", h, new byte[0]));
        out.add(valid.with("body null", h, bytes("null")));
        out.add(valid.with("body an array", h, bytes("[" + valid.bodyText() + "]")));
        out.add(valid.with("body a string", h, bytes("\"text\"")));
        out.add(valid.with("body truncated", h, Arrays.copyOf(body, body.length / 2)));
        out.add(valid.with("body with trailing garbage", h, concat(body, bytes("}{"))));
        out.add(valid.with("body twice", h, concat(body, body)));
        byte[] latin1 = body.clone();
        for (int i = 0; i < latin1.length; i++) {
            if (latin1[i] == 'a') {
                latin1[i] = (byte) 0xE9;
            }
        }
        out.add(valid.with("body not UTF-8", h, latin1));
        out.add(valid.with("body nested 10,000 deep", h, bytes("[".repeat(10_000) + "]".repeat(10_000))));
        out.add(valid.with("body with a duplicate key", h, duplicateFirstKey(valid.bodyText())));
        out.add(valid.with("body with a BOM", h, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body)));
    }

    private static byte[] mutate(byte[] body, Random rnd) {
        byte[] b = body.length == 0 ? new byte[] {'{'} : body.clone();
        int edits = 1 + rnd.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = rnd.nextInt(b.length);
            switch (rnd.nextInt(4)) {
                case 0 -> b[at] = (byte) rnd.nextInt(256);
                case 1 -> b[at] = (byte) "{}[]\",:0-9.eE\\ ntf".charAt(rnd.nextInt(18));
                case 2 -> b = concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, Math.min(b.length, at + 1 + rnd.nextInt(8)),
                        b.length));
                default -> b = concat(concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, rnd.nextInt(b.length), b.length)),
                        Arrays.copyOfRange(b, at, b.length));
            }
            if (b.length == 0) {
                b = new byte[] {'['};
            }
        }
        return b;
    }

    // ---------------------------------------------------------------------------------------------
    // Sending

    /** Sends one request over a new connection and reads the whole answer. */
    public static Response send(URI base, Request request) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.write((request.method() + " " + request.path() + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
            head.write(("Host: " + base.getHost() + ":" + base.getPort() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            for (Map.Entry<String, String> h : request.headers()) {
                head.write((h.getKey() + ": " + h.getValue() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            head.write(("Content-Length: " + request.body().length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(head.toByteArray());
            out.write(request.body());
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException("no answer to " + request.description() + ": " + e, e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int end = -1;
        for (int i = 0; i + 3 < all.length; i++) {
            if (all[i] == '\r' && all[i + 1] == '\n' && all[i + 2] == '\r' && all[i + 3] == '\n') {
                end = i;
                break;
            }
        }
        String head = new String(all, 0, end < 0 ? Math.min(all.length, 200) : end, StandardCharsets.ISO_8859_1);
        if (!head.startsWith("HTTP/1.1 ") || end < 0) {
            throw new IOException("not an HTTP response: " + head);
        }
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int nl = at;
            while (nl + 1 < body.length && !(body[nl] == '\r' && body[nl + 1] == '\n')) {
                nl++;
            }
            String line = new String(body, at, nl - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            if (line.isEmpty() || nl + 1 >= body.length) {
                break;
            }
            int size = Integer.parseInt(line, 16);
            if (size == 0) {
                break;
            }
            out.write(body, nl + 2, Math.min(size, body.length - nl - 2));
            at = nl + 2 + size + 2;
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    private interface Edit {
        void apply(ObjectNode node);
    }

    private static Request edit(Request valid, ObjectNode root, String prefix, String what, Edit edit) {
        ObjectNode copy = root.deepCopy();
        edit.apply(prefix.isEmpty() ? copy : (ObjectNode) copy.at(pointer(prefix)));
        try {
            return valid.with(what, valid.headers(), JSON.writeValueAsBytes(copy));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, JsonNode> otherTypes(JsonNode original) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (!original.isTextual()) {
            out.put("a string", NODES.textNode("text"));
        } else {
            out.put("an empty string", NODES.textNode(""));
            out.put("blank", NODES.textNode("   "));
        }
        if (!original.isNumber()) {
            out.put("a number", NODES.numberNode(42));
        }
        if (!original.isBoolean()) {
            out.put("a boolean", NODES.booleanNode(true));
        }
        if (!original.isObject()) {
            out.put("an object", NODES.objectNode().put("a", 1));
        }
        if (!original.isArray()) {
            ArrayNode array = NODES.arrayNode();
            array.add(original.deepCopy());
            out.put("an array", array);
        }
        return out;
    }

    private static String pointer(String dotted) {
        return "/" + dotted.replace(".", "/");
    }

    private static JsonNode tryParse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] duplicateFirstKey(String body) {
        JsonNode tree = tryParse(body.getBytes(StandardCharsets.UTF_8));
        if (tree == null || !tree.isObject() || tree.isEmpty()) {
            return bytes(body);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = tree.fields();
        Map.Entry<String, JsonNode> first = fields.next();
        String inner = body.strip().substring(1);
        return bytes("{\"" + first.getKey() + "\":" + first.getValue() + "," + inner);
    }

    private static int indexOf(List<Map.Entry<String, String>> headers, String name) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).getKey().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static List<Map.Entry<String, String>> without(List<Map.Entry<String, String>> headers, int i) {
        List<Map.Entry<String, String>> out = new ArrayList<>(headers);
        out.remove(i);
        return out;
    }

    private static List<Map.Entry<String, String>> replaced(List<Map.Entry<String, String>> headers, int i, String value) {
        List<Map.Entry<String, String>> out = new ArrayList<>(headers);
        out.set(i, Map.entry(headers.get(i).getKey(), value));
        return out;
    }

    private static List<Map.Entry<String, String>> appended(List<Map.Entry<String, String>> headers, String name,
            String value) {
        List<Map.Entry<String, String>> out = new ArrayList<>(headers);
        out.add(Map.entry(name, value));
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
