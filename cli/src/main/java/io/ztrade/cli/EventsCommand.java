package io.ztrade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ztrade events}: the broker's event log, one line per event; {@code --follow} keeps printing new ones. */
@Command(name = "events", description = "Lists the events the brokers received, oldest first; --follow keeps printing new ones.",
        mixinStandardHelpOptions = true)
final class EventsCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final String LINE = "%-6s  %-12s  %-40s  %-12s  %s%n";

    @Spec
    CommandSpec spec;

    @Mixin
    Connection connection;

    @Option(names = {"-f", "--follow"}, description = "Keep printing events as they arrive (Ctrl-C stops).")
    boolean follow;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only events of this type.")
    String type;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "How many of the latest events to print first. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--interval", defaultValue = "1s", paramLabel = "DURATION", description = "How often --follow asks. Default: ${DEFAULT-VALUE}.")
    Duration interval;

    @Override
    public Integer call() throws InterruptedException {
        PlatformClient client = connection.client();
        PrintWriter out = spec.commandLine().getOut();
        String filter = type == null ? "" : "&type=" + PlatformClient.encode(type);
        JsonNode page = client.get("/api/events?limit=" + limit + filter);
        out.printf(LINE, "SEQ", "RECEIVED", "TYPE", "STATUS", "SOURCE / ID -> TRIGGERS");
        long last = print(out, page);
        out.flush();
        while (follow) {
            Thread.sleep(interval.toMillis());
            JsonNode next = client.get("/api/events?after=" + last + "&limit=1000" + filter);
            last = Math.max(last, print(out, next));
            out.flush();
        }
        return 0;
    }

    /** Prints the page's events; returns the highest sequence number the log has reached. */
    private static long print(PrintWriter out, JsonNode page) {
        long last = page == null ? 0 : page.path("lastSeq").asLong();
        if (page == null) {
            return last;
        }
        for (JsonNode e : page.path("events")) {
            StringBuilder matched = new StringBuilder();
            e.path("matched").forEach(t -> matched.append(matched.isEmpty() ? " -> " : ", ").append(t.asText()));
            String received = e.path("receivedAt").isTextual() ? TIME.format(Instant.parse(e.path("receivedAt").asText())) : "-";
            out.printf(LINE, e.path("seq").asText(), received, e.path("type").asText(), e.path("status").asText(),
                    e.path("source").asText() + " " + e.path("id").asText() + matched);
            last = Math.max(last, e.path("seq").asLong());
        }
        return last;
    }
}
