package io.ztrade.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ztrade}: the command line of the platform. Exit codes: 0 done, 1 failed (rejected event,
 * failed backtest, no reply in time), 2 wrong arguments, 3 the platform is not running.
 */
@Command(name = "ztrade",
        mixinStandardHelpOptions = true,
        versionProvider = Ztrade.Version.class,
        description = "Runs the Ztrade platform locally and talks to it.",
        subcommands = {UpCommand.class, DevCommand.class, EmitCommand.class, BacktestCommand.class, JobsCommand.class, EventsCommand.class,
                FetchCommand.class, SentimentCommand.class,
                AgentsCommand.class, KillSwitchCommand.class, TradingReports.Positions.class, TradingReports.Pnl.class,
                TradingReports.Risk.class, TradingReports.Orders.class,
                HelpCommand.class},
        footer = {"", "Exit codes: 0 done, 1 failed, 2 wrong arguments, 3 Ztrade not running."})
public final class Ztrade implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        int code = commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
        System.exit(code);
    }

    /** The command line, writing to {@code out} and {@code err}. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Ztrade());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // --data @file is ours: picocli must not expand @file arguments itself
        cl.setExpandAtFiles(false);
        cl.registerConverter(Duration.class, new Converters.DurationConverter());
        cl.registerConverter(Instant.class, new Converters.InstantConverter());
        cl.registerConverter(BigDecimal.class, new Converters.DecimalConverter());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliException c) {
                commandLine.getErr().println("ztrade: " + c.getMessage());
                commandLine.getErr().flush();
                return c.exitCode;
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return CliException.FAILED;
            }
            throw e;
        });
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: up, emit, backtest, jobs, events, fetch, sentiment, agents, kill-switch, positions, pnl, risk or orders");
    }

    /** The version the jar's manifest carries. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Ztrade.class.getPackage().getImplementationVersion();
            return new String[] {"ztrade " + (v == null ? "(development)" : v)};
        }
    }
}
