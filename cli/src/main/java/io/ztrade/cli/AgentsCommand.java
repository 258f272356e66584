package io.ztrade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztrade.events.payload.AgentCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ztrade agents ...}: the trading agents, read from {@code /api/trading/agents}, changed through {@code io.ztrade.agent.command}. */
@Command(name = "agents", mixinStandardHelpOptions = true, description = "Lists, shows, imports, starts, stops, pauses and resumes trading agents.",
        subcommands = {AgentsCommand.ListAgents.class, AgentsCommand.Show.class, AgentsCommand.Import.class, AgentsCommand.Start.class,
                AgentsCommand.Stop.class, AgentsCommand.Pause.class, AgentsCommand.Resume.class})
final class AgentsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name what to do: list, show, import, start, stop, pause or resume");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every agent: status, capital, equity, P&L, drawdown, trades today.")
    static final class ListAgents implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Connection connection;

        @Option(names = "--json", description = "Print the API's JSON.")
        boolean json;

        @Override
        public Integer call() throws InterruptedException {
            JsonNode agents = TradingReports.require(connection.client().get("/api/trading/agents"), "/api/trading/agents");
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(PlatformClient.pretty(agents));
            } else if (agents.isEmpty()) {
                out.println("no agents yet: import some with ztrade agents import agents/");
            } else {
                Table t = new Table("agent", "status", "symbol", "timeframe", "strategy", "capital", "equity", "P&L", "drawdown", "trades");
                for (JsonNode a : agents) {
                    t.row(a.path("id").asText(), a.path("status").asText() + (a.path("dryRun").asBoolean() ? " (dry run)" : ""),
                            a.path("symbol").asText(), a.path("timeframe").asText(), a.path("strategy").asText(),
                            TradingReports.money(a.path("capital")), TradingReports.money(a.path("equity")),
                            TradingReports.money(a.path("totalPnl")), TradingReports.percent(a.path("drawdown")), a.path("dailyTrades").asInt());
                }
                out.print(t.render());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "One agent: settings, position, equity, recent signals with their reasoning, orders and fills.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Connection connection;

        @Parameters(index = "0", paramLabel = "ID", description = "The agent.")
        String id;

        @Option(names = "--limit", defaultValue = "10", paramLabel = "N", description = "Signals and orders shown. Default: ${DEFAULT-VALUE}.")
        int limit;

        @Option(names = "--json", description = "Print the API's JSON.")
        boolean json;

        @Override
        public Integer call() throws InterruptedException {
            TradingReports.checkLimit(spec, limit);
            JsonNode d = connection.client().get("/api/trading/agents/" + PlatformClient.encode(id) + "?limit=" + limit);
            if (d == null) {
                throw new CliException(CliException.FAILED, "no agent '" + id + "': see ztrade agents list");
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? PlatformClient.pretty(d) + System.lineSeparator() : TradingReports.detail(d));
            out.flush();
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Sends each agent YAML file to the trading loop, which validates and stores it (IMPORT).",
                    "A directory imports every */context.yaml and *.yaml in it."})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        BrokerConnection connection;

        @Mixin
        AgentCommands commands;

        @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR", description = "Agent YAML files, or directories of them (e.g. agents/).")
        List<Path> paths;

        @Override
        public Integer call() throws InterruptedException {
            List<Path> files = new ArrayList<>();
            for (Path p : paths) {
                files.addAll(yamlFiles(p));
            }
            List<AgentCommand> imports = new ArrayList<>();
            for (Path f : files) {
                imports.add(new AgentCommand(AgentCommand.IMPORT, null, f.toString().replace('\\', '/'), read(f), null));
            }
            List<String> failed = new ArrayList<>();
            for (AgentCommand c : imports) {
                try {
                    commands.send(connection, c, "import of " + c.file(), spec.commandLine().getOut(), spec.commandLine().getErr());
                } catch (CliException e) {
                    if (e.exitCode != CliException.FAILED) {
                        throw e;
                    }
                    spec.commandLine().getErr().println("ztrade: " + e.getMessage());
                    failed.add(c.file());
                }
            }
            if (!failed.isEmpty()) {
                throw new CliException(CliException.FAILED, failed.size() + " of " + imports.size() + " imports rejected: "
                        + String.join(", ", failed));
            }
            return 0;
        }

        /** {@code path} itself, or every {@code * /context.yaml} and {@code *.yaml} of a directory, sorted. */
        private List<Path> yamlFiles(Path path) {
            if (Files.isRegularFile(path)) {
                return List.of(path);
            }
            if (!Files.isDirectory(path)) {
                throw new ParameterException(spec.commandLine(), "FILE_OR_DIR: no file or directory " + path);
            }
            List<Path> out = new ArrayList<>();
            try (Stream<Path> children = Files.list(path)) {
                for (Path c : children.sorted().toList()) {
                    String name = c.getFileName().toString();
                    if (Files.isRegularFile(c) && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
                        out.add(c);
                    } else if (Files.isRegularFile(c.resolve("context.yaml"))) {
                        out.add(c.resolve("context.yaml"));
                    }
                }
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "FILE_OR_DIR: cannot list " + path + ": " + e.getMessage());
            }
            if (out.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "FILE_OR_DIR: " + path + " holds no */context.yaml and no *.yaml");
            }
            return out;
        }

        private String read(Path file) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (text.isBlank()) {
                    throw new ParameterException(spec.commandLine(), file + ": is empty");
                }
                if (text.length() > AgentCommand.MAX_YAML_LENGTH) {
                    throw new ParameterException(spec.commandLine(), file + ": is " + text.length() + " characters, at most "
                            + AgentCommand.MAX_YAML_LENGTH + " are accepted");
                }
                return text;
            } catch (MalformedInputException e) {
                throw new ParameterException(spec.commandLine(), file + ": is not UTF-8 text");
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), file + ": cannot read it: " + e.getMessage());
            }
        }
    }

    /** start|stop|pause|resume ID. */
    abstract static class Transition implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        BrokerConnection connection;

        @Mixin
        AgentCommands commands;

        @Parameters(index = "0", paramLabel = "ID", description = "The agent.")
        String id;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why, kept with the status change.")
        String reason;

        abstract String command();

        @Override
        public Integer call() throws InterruptedException {
            commands.send(connection, new AgentCommand(command(), id, null, null, reason),
                    command().toLowerCase(java.util.Locale.ROOT) + " of " + id, spec.commandLine().getOut(), spec.commandLine().getErr());
            return 0;
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Starts an agent (STOPPED -> RUNNING): it decides on its next bar.")
    static final class Start extends Transition {
        @Override
        String command() {
            return AgentCommand.START;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops an agent (-> STOPPED).")
    static final class Stop extends Transition {
        @Override
        String command() {
            return AgentCommand.STOP;
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Pauses a RUNNING agent (-> PAUSED): it decides nothing until resumed.")
    static final class Pause extends Transition {
        @Override
        String command() {
            return AgentCommand.PAUSE;
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resumes a PAUSED agent (-> RUNNING).")
    static final class Resume extends Transition {
        @Override
        String command() {
            return AgentCommand.RESUME;
        }
    }
}
