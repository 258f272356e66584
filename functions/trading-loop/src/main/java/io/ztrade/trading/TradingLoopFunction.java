package io.ztrade.trading;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.funqy.Funq;
import io.quarkus.funqy.knative.events.CloudEvent;
import io.quarkus.funqy.knative.events.CloudEventBuilder;
import io.ztrade.events.EventCodec;
import io.ztrade.events.EventSources;
import io.ztrade.events.EventTypes;
import io.ztrade.events.InvalidEventException;
import io.ztrade.events.payload.AgentCommand;
import io.ztrade.events.payload.TradingTick;
import io.ztrade.function.IdempotentJobs;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The Knative Service's one exported function (Funqy, Knative Events binding): {@code trading.tick}
 * (or a PingSource's ping carrying it, ADR 0007), the order book's {@code order.*} executions and
 * {@code agent.command}. Decodes, hands over to one service, encodes the reply.
 */
public class TradingLoopFunction {

    private static final String PING = "dev.knative.sources.ping";

    private final TickService ticks;
    private final FillBooking fills;
    private final AgentCommands commands;
    private final TradingMetrics metrics;

    public TradingLoopFunction(TickService ticks, FillBooking fills, AgentCommands commands, TradingMetrics metrics) {
        this.ticks = ticks;
        this.fills = fills;
        this.commands = commands;
        this.metrics = metrics;
    }

    @Funq("trading-loop")
    public CloudEvent<JsonNode> handle(CloudEvent<JsonNode> event) {
        String type = event.type();
        Instant at = event.time() == null ? Instant.now() : event.time().toInstant();
        switch (type) {
            case EventTypes.TRADING_TICK, PING -> {
                TradingTick tick = EventCodec.decode(event.data(), TradingTick.class);
                long started = System.nanoTime();
                TickService.Result result = ticks.tick(tick.agents(), at);
                metrics.ticked(result, Duration.ofNanos(System.nanoTime() - started));
                return null;
            }
            case EventTypes.ORDER_ACCEPTED, EventTypes.ORDER_FILLED, EventTypes.ORDER_REJECTED, EventTypes.ORDER_CANCELLED -> {
                metrics.booked(type, fills.handle(type, event.data(), at));
                return null;
            }
            case EventTypes.AGENT_COMMAND -> {
                AgentCommand cmd = EventCodec.decode(event.data(), AgentCommand.class);
                AgentCommands.Reply reply = commands.run(cmd);
                metrics.refresh();
                return CloudEventBuilder.create()
                        .specVersion("1.0")
                        .id(IdempotentJobs.replyId(event.source(), event.id(), reply.type()))
                        .type(reply.type())
                        .source(EventSources.TRADING_LOOP_FUNCTION)
                        .subject(cmd.agentId())
                        .time(OffsetDateTime.now(ZoneOffset.UTC))
                        .build(EventCodec.toTree(reply.data()));
            }
            default -> throw new InvalidEventException("type", "unexpected event type '" + type + "'");
        }
    }
}
