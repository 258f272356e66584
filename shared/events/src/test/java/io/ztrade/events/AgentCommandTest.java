package io.ztrade.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.events.payload.AgentCommand;
import io.ztrade.events.payload.SignalGenerated;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentCommandTest {

    private static AgentCommand decode(String json) {
        return EventCodec.decode(EventTypes.AGENT_COMMAND, json.getBytes(StandardCharsets.UTF_8)) instanceof AgentCommand c
                ? c : null;
    }

    private static void refused(String json, String field) {
        assertThatThrownBy(() -> decode(json))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void shouldDecodeAnImportWithItsFileAndYaml() {
        AgentCommand c = decode("{\"command\":\"IMPORT\",\"file\":\"agents/a/context.yaml\",\"yaml\":\"id: a\\n\"}");
        assertThat(c.command()).isEqualTo(AgentCommand.IMPORT);
        assertThat(c.file()).isEqualTo("agents/a/context.yaml");
        assertThat(c.yaml()).isEqualTo("id: a\n");
    }

    @Test
    void shouldRefuseCommandsNamingTheField() {
        refused("{}", "command");
        refused("{\"command\":\"EXPLODE\"}", "command");
        refused("{\"command\":\"IMPORT\"}", "yaml");
        refused("{\"command\":\"IMPORT\",\"yaml\":\"id: a\",\"agentId\":\"a\"}", "agentId");
        refused("{\"command\":\"START\"}", "agentId");
        refused("{\"command\":\"START\",\"agentId\":\"" + "x".repeat(65) + "\"}", "agentId");
        refused("{\"command\":\"STOP\",\"agentId\":\"a\",\"yaml\":\"id: a\"}", "yaml");
        refused("{\"command\":\"KILL_SWITCH_ON\",\"agentId\":\"a\"}", "agentId");
        refused("{\"command\":\"START\",\"agentId\":\"a\",\"extra\":1}", "extra");
    }

    @Test
    void shouldAcceptTheKillSwitchWithAReason() {
        AgentCommand c = decode("{\"command\":\"KILL_SWITCH_ON\",\"reason\":\"market halt\"}");
        assertThat(c.reason()).isEqualTo("market halt");
    }

    @Test
    void shouldRoundTripASignalWithItsReasoning() {
        SignalGenerated s = new SignalGenerated("a", "AAPL", "sma-crossover", "BUY", 1.0, 0.9, 1.0,
                Instant.parse("2013-03-01T00:00:00Z"), "a-1", "SIGNAL", Map.of("sma.fast", 431.5), 0.2,
                List.of(new SignalGenerated.RuleCheck("daily-trade-limit", true, "0 of 5 trades today", false)),
                null, false, "2", "431.50");
        byte[] json = EventCodec.encode(s);
        assertThat(EventCodec.decode(EventTypes.SIGNAL_GENERATED, json)).isEqualTo(s);
    }
}
