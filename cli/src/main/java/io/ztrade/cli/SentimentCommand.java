package io.ztrade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.ztrade.events.EventSources;
import io.ztrade.events.EventTypes;
import io.ztrade.events.JsonEvents;
import io.ztrade.events.payload.SentimentFetchFailed;
import io.ztrade.events.payload.SentimentFetchRequested;
import io.ztrade.events.payload.SentimentScored;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ztrade sentiment}: scores a symbol now and prints the score with its per-source breakdown. */
@Command(name = "sentiment", mixinStandardHelpOptions = true,
        description = {"Emits io.ztrade.sentiment.fetch.requested, waits for io.ztrade.sentiment.scored (or .fetch.failed)",
                "and prints the score, its confidence and agreement, and each source's part."})
final class SentimentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    BrokerConnection connection;

    @Option(names = "--symbol", defaultValue = "AAPL", description = "The symbol. Default: ${DEFAULT-VALUE}.")
    String symbol;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "2m",
            description = "How long to wait for the score (includes the function's cold start). Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Override
    public Integer call() throws InterruptedException {
        String id = UUID.randomUUID().toString();
        CloudEvent event = JsonEvents.of(EventTypes.SENTIMENT_FETCH_REQUESTED, EventSources.CLI, id, symbol,
                new SentimentFetchRequested(List.of(symbol)));
        PlatformClient client = connection.client();
        client.emit(connection.broker, event);
        PrintWriter err = spec.commandLine().getErr();
        err.println("sentiment of " + symbol + " requested (" + id + "), waiting ...");
        err.flush();
        JsonNode reply = client.awaitReply(id, EventSources.CLI, Set.of(EventTypes.SENTIMENT_SCORED, EventTypes.SENTIMENT_FETCH_FAILED),
                timeout);
        if (reply.path("type").asText().equals(EventTypes.SENTIMENT_FETCH_FAILED)) {
            SentimentFetchFailed f = Replies.decode(reply, SentimentFetchFailed.class);
            throw new CliException(CliException.FAILED, "sentiment failed: " + f.code() + " (" + f.field() + "): " + f.reason());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(render(Replies.decode(reply, SentimentScored.class)));
        out.flush();
        return 0;
    }

    static String render(SentimentScored s) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.symbol()).append(": score ").append(Table.ratio(s.score())).append(", confidence ")
                .append(Table.ratio(s.confidence())).append(", agreement ").append(Table.ratio(s.agreement())).append(", ")
                .append(s.itemCount()).append(" items, as of ").append(s.asOf()).append(System.lineSeparator());
        if (!s.missingSources().isEmpty()) {
            sb.append("missing sources: ").append(String.join(", ", s.missingSources())).append(System.lineSeparator());
        }
        sb.append(System.lineSeparator());
        Table t = new Table("source", "weight", "items", "score");
        for (SentimentScored.SourceScore p : s.sources()) {
            t.row(p.source(), Table.ratio(p.weight()), p.items(), Table.ratio(p.score()));
        }
        sb.append(t.render());
        return sb.toString();
    }
}
