package io.ztrade.domain.trading;

import java.util.Map;

/**
 * Builds {@link AgentSpec}s from parsed YAML trees (see the module README for the fields).
 */
public final class AgentSpecs {

    /** Longest agent id. */
    public static final int MAX_ID_LENGTH = 40;

    private AgentSpecs() {}

    /**
     * Validates one agent definition.
     *
     * @param tree the parsed YAML document (maps, lists, strings, numbers, booleans)
     * @param file where it came from, for messages
     * @throws InvalidAgentException naming the file and the first offending field
     */
    public static AgentSpec fromTree(Map<String, Object> tree, String file) {
        throw new UnsupportedOperationException("not yet");
    }
}
