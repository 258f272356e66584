package io.ztrade.cli;

import io.ztrade.events.payload.AgentCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ztrade kill-switch on|off}: halts every agent at once (and cancels their resting orders), or lets them trade again. */
@Command(name = "kill-switch", mixinStandardHelpOptions = true,
        description = {"Engages (on) or releases (off) the kill switch: on halts every agent at once and cancels their resting",
                "orders; off lets agents be started again. Sends io.ztrade.agent.command KILL_SWITCH_ON/OFF."})
final class KillSwitchCommand implements Callable<Integer> {

    enum State { on, off }

    @Spec
    CommandSpec spec;

    @Mixin
    BrokerConnection connection;

    @Mixin
    AgentCommands commands;

    @Parameters(index = "0", paramLabel = "on|off", description = "on or off.")
    State state;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, kept with the change.")
    String reason;

    @Override
    public Integer call() throws InterruptedException {
        String command = state == State.on ? AgentCommand.KILL_SWITCH_ON : AgentCommand.KILL_SWITCH_OFF;
        commands.send(connection, new AgentCommand(command, null, null, null, reason), "kill switch " + state.name(),
                spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }
}
