package io.ztrade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.ztrade.events.EventSources;
import io.ztrade.events.EventTypes;
import io.ztrade.events.InvalidEventException;
import io.ztrade.events.JsonEvents;
import io.ztrade.events.payload.MarketDataFetchFailed;
import io.ztrade.events.payload.MarketDataFetchRequested;
import io.ztrade.events.payload.MarketDataUpdated;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ztrade fetch bars}: one {@code marketdata.fetch.requested} per symbol, waits for each reply, prints a table. */
@Command(name = "fetch", description = "Asks the fetchers for data now.", mixinStandardHelpOptions = true,
        subcommands = FetchCommand.Bars.class)
final class FetchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name what to fetch: bars");
    }

    @Command(name = "bars", mixinStandardHelpOptions = true,
            description = {"Emits io.ztrade.marketdata.fetch.requested for each symbol, waits for io.ztrade.marketdata.updated",
                    "(or .fetch.failed) and prints the newest stored bar per symbol."})
    static final class Bars implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        BrokerConnection connection;

        @Option(names = "--symbols", required = true, split = ",", paramLabel = "SYMBOL[,SYMBOL...]",
                description = "Symbols to fetch, e.g. AAPL,BTC-USD.")
        List<String> symbols;

        @Option(names = "--timeframe", defaultValue = "5Min", description = "1Min, 5Min, 15Min, 1Hour or 1Day. Default: ${DEFAULT-VALUE}.")
        String timeframe;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "2m",
                description = "How long to wait for each reply (includes the function's cold start). Default: ${DEFAULT-VALUE}.")
        Duration timeout;

        @Override
        public Integer call() throws InterruptedException {
            try {
                new MarketDataFetchRequested(symbols, timeframe).validate();
            } catch (InvalidEventException e) {
                throw new ParameterException(spec.commandLine(), "--" + e.field().replaceAll("\\[\\d+]$", "") + ": " + e.reason());
            }
            PlatformClient client = connection.client();
            PrintWriter err = spec.commandLine().getErr();
            Table table = new Table("symbol", "timeframe", "new bars", "last bar", "close");
            List<String> failures = new ArrayList<>();
            for (String symbol : symbols) {
                String id = UUID.randomUUID().toString();
                CloudEvent event = JsonEvents.of(EventTypes.MARKETDATA_FETCH_REQUESTED, EventSources.CLI, id, symbol,
                        new MarketDataFetchRequested(List.of(symbol), timeframe));
                client.emit(connection.broker, event);
                err.println("fetch of " + symbol + " " + timeframe + " sent (" + id + "), waiting ...");
                err.flush();
                JsonNode reply = client.awaitReply(id, EventSources.CLI,
                        Set.of(EventTypes.MARKETDATA_UPDATED, EventTypes.MARKETDATA_FETCH_FAILED), timeout);
                if (reply.path("type").asText().equals(EventTypes.MARKETDATA_FETCH_FAILED)) {
                    MarketDataFetchFailed f = Replies.decode(reply, MarketDataFetchFailed.class);
                    failures.add(symbol + ": " + f.code() + (f.field() == null ? "" : " (" + f.field() + ")") + ": " + f.reason());
                    continue;
                }
                MarketDataUpdated u = Replies.decode(reply, MarketDataUpdated.class);
                table.row(u.symbol(), u.timeframe(), u.count(), u.lastBarTime() == null ? "-" : u.lastBarTime().toString(),
                        u.lastClose() == null ? "-" : u.lastClose().toPlainString());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(table.render());
            out.flush();
            if (!failures.isEmpty()) {
                throw new CliException(CliException.FAILED, "fetch failed for " + String.join("; ", failures));
            }
            return 0;
        }
    }
}
