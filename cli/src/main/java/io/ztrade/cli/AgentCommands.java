package io.ztrade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.ztrade.events.EventSources;
import io.ztrade.events.EventTypes;
import io.ztrade.events.InvalidEventException;
import io.ztrade.events.JsonEvents;
import io.ztrade.events.payload.AgentChanged;
import io.ztrade.events.payload.AgentCommand;
import io.ztrade.events.payload.AgentCommandRejected;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import picocli.CommandLine.Option;

/**
 * Sends {@code io.ztrade.agent.command} to the broker (as {@code ztrade emit} does) and, unless
 * {@code --no-wait}, waits for the trading loop's answer: {@code io.ztrade.agent.changed} (printed)
 * or {@code io.ztrade.agent.command.rejected} (exit 1, with the file and field it names).
 */
final class AgentCommands {

    @Option(names = "--no-wait", description = "Only send the command; do not wait for the trading loop's answer.")
    boolean noWait;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s",
            description = "How long to wait for the answer (includes the function's cold start). Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    /**
     * Sends {@code command} (checked first with {@link AgentCommand#validate()}: a bad one is refused
     * before anything is sent, naming the field) and waits for its answer.
     *
     * @param what how the command is named in messages, e.g. {@code "start of aapl-sma"}
     */
    void send(BrokerConnection connection, AgentCommand command, String what, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        try {
            command.validate();
        } catch (InvalidEventException e) {
            throw new CliException(CliException.USAGE, (command.file() == null ? "" : command.file() + ": ") + e.field() + ": "
                    + e.reason());
        }
        String id = UUID.randomUUID().toString();
        String subject = command.agentId() != null ? command.agentId() : command.file();
        CloudEvent event = JsonEvents.of(EventTypes.AGENT_COMMAND, EventSources.CLI, id, subject, command);
        PlatformClient client = connection.client();
        client.emit(connection.broker, event);
        if (noWait) {
            out.println(what + " sent (" + id + ")");
            out.flush();
            return;
        }
        err.println(what + " sent (" + id + "), waiting ...");
        err.flush();
        JsonNode reply = client.awaitReply(id, EventSources.CLI, Set.of(EventTypes.AGENT_CHANGED, EventTypes.AGENT_COMMAND_REJECTED),
                timeout);
        if (reply.path("type").asText().equals(EventTypes.AGENT_COMMAND_REJECTED)) {
            AgentCommandRejected r = Replies.decode(reply, AgentCommandRejected.class);
            StringBuilder m = new StringBuilder(what).append(" rejected: ");
            if (r.file() != null && (r.reason() == null || !r.reason().contains(r.file()))) {
                m.append(r.file()).append(": ");
            }
            if (r.field() != null && (r.reason() == null || !r.reason().contains(r.field()))) {
                m.append(r.field()).append(": ");
            }
            throw new CliException(CliException.FAILED, m.append(r.reason()).toString());
        }
        AgentChanged c = Replies.decode(reply, AgentChanged.class);
        out.println((c.agentId() == null ? "all agents" : c.agentId()) + ": " + c.status() + (c.reason() == null ? "" : " (" + c.reason() + ")"));
        out.flush();
    }
}
