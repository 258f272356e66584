package io.ztrade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.ztrade.events.EventSources;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ztrade emit}: one CloudEvent to the broker, like {@code kn event send}. */
@Command(name = "emit",
        description = {"Sends a CloudEvent (binary mode, JSON data) to the broker and prints its id.",
                "With --wait, also prints the reply event that follows from it."},
        mixinStandardHelpOptions = true)
final class EmitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    BrokerConnection connection;

    @Option(names = "--type", required = true, paramLabel = "TYPE", description = "CloudEvent type, e.g. io.ztrade.backtest.requested.")
    String type;

    @Option(names = "--data", paramLabel = "JSON|@FILE", description = "The data: JSON, or @file to read it from a file.")
    String data;

    @Option(names = "--source", paramLabel = "URI", defaultValue = EventSources.CLI, description = "CloudEvent source. Default: ${DEFAULT-VALUE}.")
    String source;

    @Option(names = "--id", paramLabel = "ID", description = "CloudEvent id. Default: a random UUID.")
    String id;

    @Option(names = "--wait", paramLabel = "TYPE", description = "Wait for the reply of this type that follows from the event, and print it.")
    String waitFor;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s", description = "How long --wait waits. Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Override
    public Integer call() throws InterruptedException {
        byte[] json = data == null ? null : readData(data);
        CloudEvent event = event(id == null ? UUID.randomUUID().toString() : id, json);
        PlatformClient client = connection.client();
        client.emit(connection.broker, event);
        spec.commandLine().getOut().println(event.getId());
        if (waitFor != null) {
            JsonNode reply = client.awaitReply(event.getId(), source, Set.of(waitFor), timeout);
            spec.commandLine().getOut().println(PlatformClient.pretty(PlatformClient.asCloudEvent(reply)));
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    private CloudEvent event(String eventId, byte[] json) {
        URI src;
        try {
            src = new URI(source);
        } catch (java.net.URISyntaxException e) {
            throw new ParameterException(spec.commandLine(), "--source must be a URI reference, was '" + source + "'");
        }
        CloudEventBuilder b = CloudEventBuilder.v1().withId(eventId).withSource(src).withType(type)
                .withTime(OffsetDateTime.now(ZoneOffset.UTC));
        if (json != null) {
            b.withData("application/json", json);
        }
        return b.build();
    }

    private byte[] readData(String value) {
        byte[] bytes;
        if (value.startsWith("@")) {
            Path file = Path.of(value.substring(1));
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "--data: cannot read " + file + ": " + e.getMessage());
            }
        } else {
            bytes = value.getBytes(StandardCharsets.UTF_8);
        }
        try {
            PlatformClient.JSON.readTree(bytes);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--data is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return bytes;
    }
}
