package io.ztrade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.ztrade.events.EventSources;
import io.ztrade.events.EventTypes;
import io.ztrade.events.InvalidEventException;
import io.ztrade.events.JsonEvents;
import io.ztrade.events.payload.BacktestCompleted;
import io.ztrade.events.payload.BacktestFailed;
import io.ztrade.events.payload.BacktestMetrics;
import io.ztrade.events.payload.BacktestRequest;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ztrade backtest run}: emits {@code backtest.requested}, waits for its reply, prints the metrics. */
@Command(name = "run",
        description = {"Emits io.ztrade.backtest.requested, waits for io.ztrade.backtest.completed (or .failed)",
                "and prints the run's metrics."},
        mixinStandardHelpOptions = true)
final class BacktestRunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    BacktestOptions backtest;

    @Mixin
    BrokerConnection connection;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m",
            description = "How long to wait for the result (includes the function's cold start). Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Option(names = "--json", description = "Print the reply event as JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        BacktestRequest request = new BacktestRequest(backtest.strategy, backtest.typedParams(), backtest.symbol, backtest.timeframe,
                backtest.from, backtest.to, backtest.capital, backtest.commissionPerTrade, backtest.commissionBps,
                backtest.slippageBps, backtest.riskFreeRate, null, null);
        try {
            request.validate();
        } catch (InvalidEventException e) {
            throw new ParameterException(spec.commandLine(), Options.name(e.field()) + ": " + e.reason());
        }
        String id = UUID.randomUUID().toString();
        CloudEvent event = JsonEvents.of(EventTypes.BACKTEST_REQUESTED, EventSources.CLI, id, null, request);
        PlatformClient client = connection.client();
        client.emit(connection.broker, event);
        PrintWriter err = spec.commandLine().getErr();
        err.println("backtest " + id + " sent to " + connection.broker + ", waiting for the result ...");
        err.flush();

        JsonNode reply = client.awaitReply(id, EventSources.CLI, Set.of(EventTypes.BACKTEST_COMPLETED, EventTypes.BACKTEST_FAILED), timeout);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(PlatformClient.pretty(PlatformClient.asCloudEvent(reply)));
            out.flush();
            return reply.path("type").asText().equals(EventTypes.BACKTEST_COMPLETED) ? 0 : CliException.FAILED;
        }
        if (reply.path("type").asText().equals(EventTypes.BACKTEST_FAILED)) {
            BacktestFailed failed = Replies.decode(reply, BacktestFailed.class);
            throw new CliException(CliException.FAILED, "backtest failed: " + failed.code() + ": " + failed.reason());
        }
        BacktestCompleted completed = Replies.decode(reply, BacktestCompleted.class);
        out.print(render(completed));
        out.flush();
        return 0;
    }

    /** The run in a few lines, then its metrics as a table. */
    static String render(BacktestCompleted c) {
        BacktestRequest r = c.request();
        StringBuilder sb = new StringBuilder();
        sb.append(r.strategy()).append(' ').append(r.params()).append(" on ").append(r.symbol()).append(' ').append(r.timeframe())
                .append(", ").append(r.from()).append(" to ").append(r.to()).append(System.lineSeparator());
        sb.append("run ").append(c.runId()).append(": ").append(c.bars()).append(" bars, ").append(c.fills()).append(" fills")
                .append(System.lineSeparator()).append(System.lineSeparator());
        sb.append(metrics(c.metrics()).render());
        return sb.toString();
    }

    static Table metrics(BacktestMetrics m) {
        return new Table("metric", "value")
                .row("total return", Table.percent(m.totalReturn()))
                .row("CAGR", Table.percent(m.cagr()))
                .row("Sharpe", Table.ratio(m.sharpe()))
                .row("Sortino", Table.ratio(m.sortino()))
                .row("max drawdown", Table.percent(m.maxDrawdown()))
                .row("win rate", Table.percent(m.winRate()))
                .row("trades", m.trades())
                .row("profit factor", Table.ratio(m.profitFactor()))
                .row("exposure", Table.percent(m.exposure()))
                .row("commissions", Table.money(m.commissions()))
                .row("final equity", Table.money(m.finalEquity()));
    }
}
