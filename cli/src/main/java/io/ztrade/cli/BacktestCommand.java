package io.ztrade.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** {@code ztrade backtest run|sweep}. */
@Command(name = "backtest",
        description = "Runs a backtest or a parameter sweep on the platform and prints the results.",
        mixinStandardHelpOptions = true,
        subcommands = {BacktestRunCommand.class, BacktestSweepCommand.class, HelpCommand.class})
final class BacktestCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a command: run or sweep");
    }
}
