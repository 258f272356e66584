package io.ztrade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ztrade jobs}: recent jobs from the functions' {@code job_run} ledger, newest first. */
@Command(name = "jobs", description = "Lists recent jobs (one per event a function handled), newest first.", mixinStandardHelpOptions = true)
final class JobsCommand implements Callable<Integer> {

    /** The states of {@code job_run}. */
    enum Status { RUNNING, SUCCEEDED, FAILED }

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @Spec
    CommandSpec spec;

    @Mixin
    Connection connection;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only jobs in this state: ${COMPLETION-CANDIDATES}.")
    Status status;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "At most this many. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Override
    public Integer call() throws InterruptedException {
        String query = "/api/jobs?limit=" + limit + (status == null ? "" : "&status=" + status.name());
        JsonNode jobs = connection.client().get(query);
        PrintWriter out = spec.commandLine().getOut();
        if (jobs == null || jobs.isEmpty()) {
            out.println(status == null ? "no jobs yet" : "no " + status.name() + " jobs");
            out.flush();
            return 0;
        }
        Table table = new Table("started", "function", "type", "status", "attempts", "ms", "event", "result");
        for (JsonNode j : jobs) {
            table.row(time(j.path("startedAt")), text(j.path("function")), text(j.path("eventType")), text(j.path("status")),
                    j.path("attempts").asInt(), j.hasNonNull("durationMs") ? j.get("durationMs").asLong() : null,
                    text(j.path("eventSource")) + " " + text(j.path("eventId")),
                    j.hasNonNull("error") ? text(j.get("error")) : text(j.path("replyType")));
        }
        out.print(table.render());
        out.flush();
        return 0;
    }

    static String time(JsonNode n) {
        return n.isTextual() ? TIME.format(Instant.parse(n.asText())) : null;
    }

    static String text(JsonNode n) {
        return n.isNull() || n.isMissingNode() ? null : n.asText();
    }
}
