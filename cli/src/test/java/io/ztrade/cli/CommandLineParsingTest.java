package io.ztrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

class CommandLineParsingTest {

    @SuppressWarnings("unchecked")
    private static <T> T parse(Class<T> command, String... args) {
        CommandLine cl = Ztrade.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        ParseResult result = cl.parseArgs(args);
        while (result.hasSubcommand()) {
            result = result.subcommand();
        }
        Object user = result.commandSpec().userObject();
        assertThat(user).isInstanceOf(command);
        return (T) user;
    }

    @Test
    void emitDefaultsToTheLocalBrokerTheCliSourceAndAMinuteOfWaiting() {
        EmitCommand emit = parse(EmitCommand.class, "emit", "--type", "io.ztrade.backtest.requested");

        assertThat(emit.connection.broker).hasToString("http://localhost:8080/ztrade/default");
        assertThat(emit.source).isEqualTo("/ztrade/cli");
        assertThat(emit.timeout).isEqualTo(Duration.ofSeconds(60));
        assertThat(emit.id).isNull();
        assertThat(emit.waitFor).isNull();
    }

    @Test
    void readsDurationsAsPeopleWriteThem() {
        assertThat(parse(EmitCommand.class, "emit", "--type", "t", "--timeout", "90s").timeout).isEqualTo(Duration.ofSeconds(90));
        assertThat(parse(EmitCommand.class, "emit", "--type", "t", "--timeout", "1m30s").timeout).isEqualTo(Duration.ofSeconds(90));
        assertThat(parse(EmitCommand.class, "emit", "--type", "t", "--timeout", "500ms").timeout).isEqualTo(Duration.ofMillis(500));
        assertThat(parse(EmitCommand.class, "emit", "--type", "t", "--timeout", "PT2M").timeout).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void typesStrategyParametersAsJsonWould() {
        BacktestRunCommand run = parse(BacktestRunCommand.class, "backtest", "run", "--strategy", "sma-crossover", "--symbol", "AAPL",
                "--from", "2013-01-01", "--to", "2014-01-01T00:00:00Z", "--param", "fast=10", "--param", "threshold=0.25",
                "--param", "long=true", "--param", "mode=fast");

        assertThat(run.backtest.typedParams()).containsExactly(Map.entry("fast", 10), Map.entry("threshold", new BigDecimal("0.25")),
                Map.entry("long", true), Map.entry("mode", "fast"));
        assertThat(run.backtest.from).isEqualTo(Instant.parse("2013-01-01T00:00:00Z"));
        assertThat(run.backtest.to).isEqualTo(Instant.parse("2014-01-01T00:00:00Z"));
        assertThat(run.backtest.timeframe).isEqualTo("1Day");
        assertThat(run.backtest.capital).isEqualByComparingTo("10000");
    }

    @Test
    void readsSweepGridsAsListsOfNumbers() {
        BacktestSweepCommand sweep = parse(BacktestSweepCommand.class, "backtest", "sweep", "--strategy", "sma-crossover",
                "--symbol", "AAPL", "--from", "2013-01-01", "--to", "2014-01-01", "--grid", "fast=5,10,20", "--grid", "slow=30,50",
                "--metric", "sortino", "--top", "3");

        assertThat(sweep.grid).containsExactly(Map.entry("fast", "5,10,20"), Map.entry("slow", "30,50"));
        assertThat(sweep.metric).isEqualTo("sortino");
        assertThat(sweep.top).isEqualTo(3);
        assertThat(BacktestOptions.typed("20")).isEqualTo(20);
        assertThat(List.of("5", "10").stream().map(BacktestOptions::typed).toList()).containsExactly(5, 10);
    }

    @Test
    void refusesAnEmitWithoutAType() {
        Run run = Run.of("emit", "--data", "{}");

        assertThat(run.exitCode()).isEqualTo(CliException.USAGE);
        assertThat(run.err()).contains("Missing required option: '--type=TYPE'");
    }

    @Test
    void refusesDataThatIsNotJsonNamingTheOption() {
        Run run = Run.of("emit", "--type", "t", "--data", "{not json", "--broker", "http://localhost:1/ztrade/default");

        assertThat(run.exitCode()).isEqualTo(CliException.USAGE);
        assertThat(run.err()).contains("--data is not JSON");
    }

    @Test
    void refusesABadDurationOrTime() {
        assertThat(Run.of("emit", "--type", "t", "--timeout", "soon").err()).contains("'soon' is not a duration");
        Run badTime = Run.of("backtest", "run", "--strategy", "s", "--symbol", "AAPL", "--from", "last year", "--to", "2014-01-01");
        assertThat(badTime.exitCode()).isEqualTo(CliException.USAGE);
        assertThat(badTime.err()).contains("'last year' is not an ISO-8601 time");
    }

    @Test
    void refusesAnInvalidBacktestBeforeSendingItNamingTheOption() {
        Run run = Run.of("backtest", "run", "--strategy", "sma-crossover", "--symbol", "AAPL", "--from", "2014-01-01",
                "--to", "2013-01-01", "--broker", "http://localhost:1/ztrade/default");

        assertThat(run.exitCode()).isEqualTo(CliException.USAGE);
        assertThat(run.err()).containsPattern("--(from|to): ");
        assertThat(run.err()).doesNotContain("not running");
    }

    @Test
    void refusesAnInvalidStrategyParameterNamingIt() {
        Run run = Run.of("backtest", "run", "--strategy", "sma-crossover", "--symbol", "AAPL", "--from", "2013-01-01",
                "--to", "2014-01-01", "--param", "fast=50", "--param", "slow=10", "--broker", "http://localhost:1/ztrade/default");

        assertThat(run.exitCode()).isEqualTo(CliException.USAGE);
        assertThat(run.err()).contains("--param ");
    }

    @Test
    void refusesAnUnknownJobStatusListingTheValidOnes() {
        Run run = Run.of("jobs", "--status", "LOST");

        assertThat(run.exitCode()).isEqualTo(CliException.USAGE);
        assertThat(run.err()).contains("RUNNING", "SUCCEEDED", "FAILED");
    }

    @Test
    void asksForACommandWhenGivenNone() {
        Run run = Run.of();

        assertThat(run.exitCode()).isEqualTo(CliException.USAGE);
        assertThat(run.err()).contains("name a command", "up", "emit", "backtest", "jobs", "events");
    }
}
