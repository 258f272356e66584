package io.ztrade.trading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ztrade.domain.trading.AgentSpec;
import io.ztrade.domain.trading.AgentSpecs;
import io.ztrade.domain.trading.InvalidAgentException;
import java.util.Map;

/**
 * Agent YAML text to a validated {@link AgentSpec}: Jackson's YAML parser gives the tree, {@link
 * AgentSpecs#fromTree} validates it. Decimals are read as {@code BigDecimal}, never through
 * {@code double}; a key given twice is an error. Plain Java.
 */
public final class AgentYaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() {};

    private AgentYaml() {}

    /** A parsed and validated definition and its tree (what is stored, as JSON). */
    public record Parsed(AgentSpec spec, Map<String, Object> tree) {}

    /**
     * @throws InvalidAgentException naming {@code file} and the field ({@code yaml} when the text is
     *                               not a YAML mapping)
     */
    public static Parsed parse(String yaml, String file) {
        Map<String, Object> tree;
        try {
            Object any = YAML.readValue(yaml, Object.class);
            if (!(any instanceof Map<?, ?>)) {
                throw new InvalidAgentException(file, "yaml", "must be a mapping of fields (id, symbol, strategy, ...)");
            }
            tree = YAML.convertValue(any, TREE);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new InvalidAgentException(file, "yaml", "not valid YAML" + where + ": " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            if (e instanceof InvalidAgentException iae) {
                throw iae;
            }
            throw new InvalidAgentException(file, "yaml", "must be a mapping with text keys: " + e.getMessage());
        }
        printable(tree, "", file);
        return new Parsed(AgentSpecs.fromTree(tree, file), tree);
    }

    /** No control characters in any key or text value (PostgreSQL's jsonb and text refuse NUL). */
    private static void printable(Object node, String path, String file) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = String.valueOf(e.getKey());
                String here = path.isEmpty() ? key : path + "." + key;
                check(key, here, file);
                printable(e.getValue(), here, file);
            }
        } else if (node instanceof java.util.List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                printable(l.get(i), path + "[" + i + "]", file);
            }
        } else if (node instanceof String t) {
            check(t, path, file);
        }
    }

    private static void check(String text, String field, String file) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if ((ch < 0x20 && ch != '\t' && ch != '\n') || ch == 0x7f) {
                throw new InvalidAgentException(file, field.isEmpty() ? "yaml" : field,
                        "must not contain control characters (U+" + String.format("%04X", (int) ch) + ")");
            }
        }
    }

    /** The stored JSON form of a tree. */
    public static String toJson(Map<String, Object> tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode agent tree", e);
        }
    }

    /** A stored definition back to its spec. */
    public static AgentSpec fromJson(String json, String file) {
        try {
            return AgentSpecs.fromTree(JSON.readValue(json, TREE), file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored agent definition is not JSON: " + file, e);
        }
    }

    /** The JSON of any value (params). */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value, e);
        }
    }
}
