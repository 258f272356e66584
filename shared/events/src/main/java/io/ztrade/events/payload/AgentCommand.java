package io.ztrade.events.payload;

import io.ztrade.events.InvalidEventException;
import io.ztrade.events.Validated;
import java.util.List;

/**
 * Data of {@code io.ztrade.agent.command}: one command for the trading loop, from the CLI or a user.
 *
 * @param command {@code IMPORT}, {@code START}, {@code STOP}, {@code PAUSE}, {@code RESUME},
 *                {@code KILL_SWITCH_ON} or {@code KILL_SWITCH_OFF}
 * @param agentId the agent of {@code START}/{@code STOP}/{@code PAUSE}/{@code RESUME}; absent otherwise
 * @param file    on {@code IMPORT}: the file the YAML came from (named in errors), e.g.
 *                {@code agents/aapl-sma/context.yaml}
 * @param yaml    on {@code IMPORT}: the agent definition as YAML text
 * @param reason  optional free text, kept with the status change (e.g. why the kill switch was engaged)
 */
public record AgentCommand(String command, String agentId, String file, String yaml, String reason)
        implements Validated {

    public static final String IMPORT = "IMPORT";
    public static final String START = "START";
    public static final String STOP = "STOP";
    public static final String PAUSE = "PAUSE";
    public static final String RESUME = "RESUME";
    public static final String KILL_SWITCH_ON = "KILL_SWITCH_ON";
    public static final String KILL_SWITCH_OFF = "KILL_SWITCH_OFF";

    /** Every command, in the order of the docs. */
    public static final List<String> COMMANDS =
            List.of(IMPORT, START, STOP, PAUSE, RESUME, KILL_SWITCH_ON, KILL_SWITCH_OFF);

    /** Longest accepted agent id. */
    public static final int MAX_AGENT_ID_LENGTH = 64;
    /** Largest accepted YAML text (characters). */
    public static final int MAX_YAML_LENGTH = 65_536;

    @Override
    public void validate() {
        Check.text("command", command);
        printable("agentId", agentId, false);
        printable("file", file, false);
        printable("reason", reason, false);
        printable("yaml", yaml, true);
        if (!COMMANDS.contains(command)) {
            throw new InvalidEventException("command", "must be one of " + String.join(", ", COMMANDS) + ", was '"
                    + command + "'");
        }
        switch (command) {
            case IMPORT -> {
                Check.text("yaml", yaml);
                if (yaml.length() > MAX_YAML_LENGTH) {
                    throw new InvalidEventException("yaml", "must be at most " + MAX_YAML_LENGTH + " characters, was "
                            + yaml.length());
                }
                if (agentId != null) {
                    throw new InvalidEventException("agentId", "is not allowed on IMPORT: the YAML's id names the agent");
                }
            }
            case START, STOP, PAUSE, RESUME -> {
                Check.text("agentId", agentId);
                if (agentId.length() > MAX_AGENT_ID_LENGTH) {
                    throw new InvalidEventException("agentId", "must be at most " + MAX_AGENT_ID_LENGTH
                            + " characters, was " + agentId.length());
                }
                noImportFields();
            }
            default -> {
                if (agentId != null) {
                    throw new InvalidEventException("agentId", "is not allowed on " + command + ": it acts on every agent");
                }
                noImportFields();
            }
        }
    }

    /** No control characters (in {@code yaml}: none but tab, line feed and carriage return). */
    private static void printable(String field, String value, boolean lines) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if ((ch < 0x20 && !(lines && (ch == '\t' || ch == '\n' || ch == '\r'))) || ch == 0x7f) {
                throw new InvalidEventException(field, "must not contain control characters (U+"
                        + String.format("%04X", (int) ch) + " at " + i + ")");
            }
        }
    }

    private void noImportFields() {
        if (yaml != null) {
            throw new InvalidEventException("yaml", "is only allowed on IMPORT");
        }
        if (file != null) {
            throw new InvalidEventException("file", "is only allowed on IMPORT");
        }
    }
}
