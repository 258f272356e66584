package io.ztrade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.ztrade.events.EventSources;
import io.ztrade.events.EventTypes;
import io.ztrade.events.InvalidEventException;
import io.ztrade.events.JsonEvents;
import io.ztrade.events.payload.BacktestMetrics;
import io.ztrade.events.payload.SweepCompleted;
import io.ztrade.events.payload.SweepRequest;
import io.ztrade.events.payload.SweepResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ztrade backtest sweep}: emits {@code sweep.requested}, waits for {@code sweep.completed}, prints the best runs. */
@Command(name = "sweep",
        description = {"Emits io.ztrade.backtest.sweep.requested (one backtest per combination of the --grid values),",
                "waits for io.ztrade.backtest.sweep.completed and prints the best runs."},
        mixinStandardHelpOptions = true)
final class BacktestSweepCommand implements Callable<Integer> {

    private static final Duration POLL = Duration.ofMillis(500);

    @Spec
    CommandSpec spec;

    @Mixin
    BacktestOptions backtest;

    @Mixin
    BrokerConnection connection;

    @Option(names = "--grid", required = true, paramLabel = "NAME=V1,V2,...",
            description = "Values to try for a parameter (repeatable), e.g. --grid fast=5,10,20 --grid slow=30,50.")
    Map<String, String> grid = new LinkedHashMap<>();

    @Option(names = "--metric", defaultValue = SweepRequest.DEFAULT_METRIC, paramLabel = "METRIC",
            description = "Ranks the runs: sharpe, sortino, totalReturn, cagr, maxDrawdown (lowest first), winRate, profitFactor, finalEquity. Default: ${DEFAULT-VALUE}.")
    String metric;

    @Option(names = "--top", defaultValue = "5", paramLabel = "N", description = "How many best runs to print. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", description = "How long to wait for the sweep. Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Option(names = "--json", description = "Print the sweep.completed event as JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        SweepRequest request = new SweepRequest(backtest.strategy, gridValues(), backtest.typedParams(), backtest.symbol,
                backtest.timeframe, backtest.from, backtest.to, backtest.capital, backtest.commissionPerTrade, backtest.commissionBps,
                backtest.slippageBps, backtest.riskFreeRate, metric, top);
        try {
            request.validate();
        } catch (InvalidEventException e) {
            throw new ParameterException(spec.commandLine(), Options.name(e.field()) + ": " + e.reason());
        }
        String id = UUID.randomUUID().toString();
        CloudEvent event = JsonEvents.of(EventTypes.BACKTEST_SWEEP_REQUESTED, EventSources.CLI, id, null, request);
        PlatformClient client = connection.client();
        client.emit(connection.broker, event);
        UUID sweepId = io.ztrade.events.payload.SweepRequest.sweepId(EventSources.CLI, id);
        PrintWriter err = spec.commandLine().getErr();
        err.println("sweep " + sweepId + " (" + request.combinations().size() + " combinations) sent to " + connection.broker
                + ", waiting for it to complete ...");
        err.flush();

        JsonNode completed = awaitCompletion(client, id, sweepId);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(PlatformClient.pretty(PlatformClient.asCloudEvent(completed)));
            out.flush();
            return 0;
        }
        SweepCompleted sweep = Replies.decode(completed, SweepCompleted.class);
        out.print(render(sweep));
        out.flush();
        return sweep.succeeded() > 0 ? 0 : CliException.FAILED;
    }

    /**
     * The fan-out and {@code sweep.completed} go through {@code K_SINK}, not as replies; the
     * completion is found by its {@code data.sweepId} among the {@code sweep.completed} events.
     */
    private JsonNode awaitCompletion(PlatformClient client, String id, UUID sweepId) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String requested = "/api/events/" + PlatformClient.encode(id) + "?source=" + PlatformClient.encode(EventSources.CLI);
        String completions = "/api/events?type=" + PlatformClient.encode(EventTypes.BACKTEST_SWEEP_COMPLETED) + "&limit=1000";
        while (true) {
            JsonNode list = client.get(completions);
            if (list != null) {
                for (JsonNode e : list.path("events")) {
                    if (e.path("data").path("sweepId").asText().equals(sweepId.toString())) {
                        return e;
                    }
                }
            }
            JsonNode sent = client.get(requested);
            if (sent != null) {
                client.checkNotStuck(sent.path("event"));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new CliException(CliException.FAILED, "sweep " + sweepId + " did not complete within " + Format.duration(timeout)
                        + "; see " + client.base() + "/ and ./ztrade jobs");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private Map<String, List<Object>> gridValues() {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        grid.forEach((name, values) -> {
            List<Object> typed = new ArrayList<>();
            for (String v : values.split(",")) {
                if (!v.isBlank()) {
                    typed.add(BacktestOptions.typed(v));
                }
            }
            out.put(name, typed);
        });
        return out;
    }

    /** A summary line, then the best runs: rank, their parameters, their metrics. */
    static String render(SweepCompleted s) {
        StringBuilder sb = new StringBuilder();
        sb.append("sweep ").append(s.sweepId()).append(": ").append(s.total()).append(" runs, ").append(s.succeeded())
                .append(" succeeded, ").append(s.failed()).append(" failed, ").append(s.skipped()).append(" combinations skipped")
                .append(System.lineSeparator());
        if (s.top().isEmpty()) {
            sb.append("no run to rank by ").append(s.metric()).append(System.lineSeparator());
            return sb.toString();
        }
        sb.append("best ").append(s.top().size()).append(" by ").append(s.metric()).append(':').append(System.lineSeparator())
                .append(System.lineSeparator());
        TreeSet<String> names = new TreeSet<>();
        s.top().forEach(r -> names.addAll(r.params().keySet()));
        List<String> headers = new ArrayList<>();
        headers.add("rank");
        headers.addAll(names);
        headers.addAll(List.of("total return", "CAGR", "Sharpe", "Sortino", "max drawdown", "win rate", "trades", "final equity"));
        Table table = new Table(headers);
        for (SweepResult r : s.top()) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(r.rank()));
            names.forEach(n -> row.add(r.params().containsKey(n) ? String.valueOf(r.params().get(n)) : null));
            BacktestMetrics m = r.metrics();
            row.addAll(java.util.Arrays.asList(Table.percent(m.totalReturn()), Table.percent(m.cagr()), Table.ratio(m.sharpe()),
                    Table.ratio(m.sortino()), Table.percent(m.maxDrawdown()), Table.percent(m.winRate()), Integer.toString(m.trades()),
                    Table.money(m.finalEquity())));
            table.row(row);
        }
        sb.append(table.render());
        return sb.toString();
    }
}
