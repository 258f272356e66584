package io.ztrade.trading;

import io.ztrade.domain.trading.AgentKind;
import io.ztrade.domain.trading.AgentStatus;
import io.ztrade.domain.trading.AgentTransition;
import io.ztrade.domain.trading.InvalidAgentException;
import io.ztrade.events.EventTypes;
import io.ztrade.events.payload.AgentChanged;
import io.ztrade.events.payload.AgentCommand;
import io.ztrade.events.payload.AgentCommandRejected;
import io.ztrade.events.payload.OrderRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@code io.ztrade.agent.command}: import an agent's YAML, change its status, the kill switch. Every
 * command is idempotent (a redelivery does what it did again, or nothing). Refusals are replies
 * ({@code agent.command.rejected} naming file and field), and nothing is stored for them.
 */
@ApplicationScoped
public class AgentCommands {

    private static final Logger LOG = Logger.getLogger(AgentCommands.class);

    /** The reply: its type and data. */
    public record Reply(String type, Object data) {}

    private final Sql sql;
    private final Agents agents;
    private final Orders orders;
    private final OrderPublisher publisher;

    public AgentCommands(Sql sql, Agents agents, Orders orders, OrderPublisher publisher) {
        this.sql = sql;
        this.agents = agents;
        this.orders = orders;
        this.publisher = publisher;
    }

    public Reply run(AgentCommand cmd) {
        return switch (cmd.command()) {
            case AgentCommand.IMPORT -> importAgent(cmd, cmd.file() == null ? "<agent.command>" : cmd.file(), AgentStatus.STOPPED);
            case AgentCommand.START -> transition(cmd, AgentTransition.START);
            case AgentCommand.STOP -> transition(cmd, AgentTransition.STOP);
            case AgentCommand.PAUSE -> transition(cmd, AgentTransition.PAUSE);
            case AgentCommand.RESUME -> transition(cmd, AgentTransition.RESUME);
            case AgentCommand.KILL_SWITCH_ON -> killSwitchOn(cmd.reason());
            case AgentCommand.KILL_SWITCH_OFF -> killSwitchOff(cmd.reason());
            default -> throw new IllegalArgumentException("unknown command " + cmd.command());
        };
    }

    /** Imports one YAML definition; a new agent gets {@code status}, an existing one keeps its own. */
    public Reply importAgent(AgentCommand cmd, String file, AgentStatus status) {
        AgentYaml.Parsed parsed;
        try {
            parsed = AgentYaml.parse(cmd.yaml(), file);
        } catch (InvalidAgentException e) {
            return new Reply(EventTypes.AGENT_COMMAND_REJECTED,
                    new AgentCommandRejected(cmd.command(), null, e.file(), e.field(), e.getMessage()));
        }
        try {
            boolean created = sql.tx(c -> agents.upsert(c, parsed.spec(), parsed.tree(), file, status));
            AgentRow row = agents.find(parsed.spec().id()).orElseThrow();
            return new Reply(EventTypes.AGENT_CHANGED, new AgentChanged(row.id(), row.status().name(),
                    (created ? "imported from " : "re-imported from ") + file));
        } catch (IllegalStateException e) {
            if (e.getCause() != null) {
                throw e;
            }
            return new Reply(EventTypes.AGENT_COMMAND_REJECTED,
                    new AgentCommandRejected(cmd.command(), parsed.spec().id(), file, "id", file + ": id: " + e.getMessage()));
        }
    }

    private Reply transition(AgentCommand cmd, AgentTransition t) {
        return sql.tx(c -> {
            Optional<AgentRow> row = agents.find(c, cmd.agentId(), true);
            if (row.isEmpty()) {
                return rejected(cmd, "agentId", "no agent '" + cmd.agentId() + "' (import it first)");
            }
            AgentStatus from = row.get().status();
            if (t == AgentTransition.START && Agents.killSwitchEngaged(c, false)) {
                return rejected(cmd, "command", "the kill switch is engaged: switch it off before starting agents");
            }
            if (!from.allows(t)) {
                return rejected(cmd, "command", "cannot " + t.name().toLowerCase() + " agent " + cmd.agentId() + ": it is "
                        + from);
            }
            AgentStatus to = from.after(t);
            String reason = cmd.reason() != null ? cmd.reason() : t.name().toLowerCase() + "ed by command";
            if (to != from || t == AgentTransition.START) {
                agents.setStatus(c, cmd.agentId(), to, t == AgentTransition.START && from == AgentStatus.ERROR
                        ? "restarted after: " + row.get().statusReason() : reason);
            }
            return new Reply(EventTypes.AGENT_CHANGED, new AgentChanged(cmd.agentId(), to.name(), reason));
        });
    }

    private static Reply rejected(AgentCommand cmd, String field, String reason) {
        return new Reply(EventTypes.AGENT_COMMAND_REJECTED, new AgentCommandRejected(cmd.command(), cmd.agentId(), null, field,
                reason));
    }

    /**
     * Engages the kill switch: no tick orders from now on (ticks check it in their transaction, under
     * a share lock of its row), every RUNNING or PAUSED agent is halted (ERROR), and every order still
     * open is cancelled in the book.
     */
    public Reply killSwitchOn(String reason) {
        String why = "kill switch" + (reason == null ? "" : ": " + reason);
        List<Orders.OrderRow> open = sql.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update kill_switch set engaged = true, reason = ?, changed_at = now() where id = 1")) {
                ps.setString(1, reason);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("update agent set status = 'ERROR', status_reason = ?,"
                    + " updated_at = now() where status in ('RUNNING', 'PAUSED')")) {
                ps.setString(1, why);
                ps.executeUpdate();
            }
            return new ArrayList<>(orders.open(c, null));
        });
        int cancelled = 0;
        for (Orders.OrderRow o : open) {
            try {
                OrderRequest cancel = TickService.cancelOf(o);
                publisher.send(cancel);
                cancelled++;
            } catch (RuntimeException e) {
                LOG.errorf("kill switch: cancel of %s not sent: %s", o.clientOrderId(), e.getMessage());
                throw e;
            }
        }
        LOG.warnf("kill switch engaged (%s): every agent halted, %d open orders cancelled", why, cancelled);
        return new Reply(EventTypes.AGENT_CHANGED, new AgentChanged(null, AgentCommand.KILL_SWITCH_ON,
                why + "; " + cancelled + " open orders cancelled"));
    }

    public Reply killSwitchOff(String reason) {
        sql.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update kill_switch set engaged = false, reason = ?, changed_at = now() where id = 1")) {
                ps.setString(1, reason);
                return ps.executeUpdate();
            }
        });
        return new Reply(EventTypes.AGENT_CHANGED, new AgentChanged(null, AgentCommand.KILL_SWITCH_OFF,
                "kill switch released" + (reason == null ? "" : ": " + reason) + "; halted agents stay ERROR until started"));
    }

    /** Whether the agent is a market maker (for the start-up import). */
    static boolean isMarketMaker(AgentYaml.Parsed p) {
        return p.spec().kind() == AgentKind.MARKET_MAKER;
    }
}
