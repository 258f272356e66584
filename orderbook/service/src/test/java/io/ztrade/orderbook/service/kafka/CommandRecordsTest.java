package io.ztrade.orderbook.service.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.ztrade.events.EventTypes;
import io.ztrade.events.payload.OrderRejected;
import io.ztrade.events.payload.OrderRequest;
import io.ztrade.orderbook.service.core.Execution;
import io.ztrade.orderbook.service.core.Incoming;
import io.ztrade.orderbook.service.core.Reject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class CommandRecordsTest {

    private static final OrderRequest ORDER = OrderRequest.place("c-1", "acct-1", "AAPL", "BUY", "LIMIT", "GTC", false,
            "150.00", "10");

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> r, long offset) {
        return new ConsumerRecord<>(r.topic(), 1, offset, 1_700_000_000_000L, TimestampType.CREATE_TIME, 0, 0, r.key(),
                r.value(), r.headers(), Optional.empty());
    }

    private static String header(ProducerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldWriteCommandsAsBinaryModeCloudEventsKeyedBySymbol() {
        ProducerRecord<String, byte[]> r = CommandRecords.encode("ztrade.orders", null, "id-1", URI.create("/me"), ORDER, 5L);
        assertThat(r.key()).isEqualTo("AAPL");
        assertThat(header(r, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(r, "ce_type")).isEqualTo(EventTypes.ORDER_REQUESTED);
        assertThat(header(r, "ce_id")).isEqualTo("id-1");
        assertThat(header(r, "ce_source")).isEqualTo("/me");
        assertThat(header(r, "content-type")).isEqualTo("application/json");
        assertThat(new String(r.value(), StandardCharsets.UTF_8)).contains("\"clientOrderId\":\"c-1\"");
    }

    @Test
    void shouldReadBackWhatItWrote() {
        Incoming in = CommandRecords.decode(consumed(CommandRecords.encode("t", null, "id-1", URI.create("/me"), ORDER, 5L), 7));
        assertThat(in.invalid()).isNull();
        assertThat(in.request()).isEqualTo(ORDER);
        assertThat(in.commandId()).isEqualTo("id-1");
        assertThat(in.partition()).isEqualTo(1);
        assertThat(in.offset()).isEqualTo(7);
    }

    @Test
    void shouldAlsoReadStructuredModeRecords() {
        CloudEvent event = CloudEventBuilder.v1().withId("s-1").withSource(URI.create("/me"))
                .withType(EventTypes.ORDER_REQUESTED).withDataContentType("application/json")
                .withData(io.ztrade.events.EventCodec.encode(ORDER)).build();
        ProducerRecord<String, byte[]> r = KafkaMessageFactory.<String>createWriter("t", "AAPL")
                .writeStructured(event, "application/cloudevents+json");
        Incoming in = CommandRecords.decode(consumed(r, 0));
        assertThat(in.invalid()).isNull();
        assertThat(in.request()).isEqualTo(ORDER);
    }

    @Test
    void shouldTurnARecordThatIsNoCloudEventIntoAReject() {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>("t", null, "AAPL", "{\"clientOrderId\":\"c-7\"}"
                .getBytes(StandardCharsets.UTF_8), new RecordHeaders());
        Incoming in = CommandRecords.decode(consumed(r, 0));
        assertThat(in.invalid().code()).isEqualTo(Reject.UNSUPPORTED_EVENT);
        assertThat(in.request().symbol()).isEqualTo("AAPL");
    }

    @Test
    void shouldRejectAnotherEventTypeNamingTheTypeAttribute() {
        CloudEvent event = CloudEventBuilder.v1().withId("x").withSource(URI.create("/me"))
                .withType(EventTypes.TRADING_TICK).withData("{}".getBytes(StandardCharsets.UTF_8)).build();
        Incoming in = CommandRecords.decode(consumed(KafkaMessageFactory.<String>createWriter("t", "AAPL").writeBinary(event), 0));
        assertThat(in.invalid().code()).isEqualTo(Reject.UNSUPPORTED_EVENT);
        assertThat(in.invalid().field()).isEqualTo("type");
    }

    @Test
    void shouldKeepTheSendersIdsOnAnInvalidCommandSoTheRejectReachesThem() {
        CloudEvent event = CloudEventBuilder.v1().withId("x").withSource(URI.create("/me"))
                .withType(EventTypes.ORDER_REQUESTED)
                .withData("{\"clientOrderId\":\"c-8\",\"accountId\":\"a-8\",\"symbol\":\"AAPL\",\"side\":\"BUY\"}"
                        .getBytes(StandardCharsets.UTF_8)).build();
        Incoming in = CommandRecords.decode(consumed(KafkaMessageFactory.<String>createWriter("t", "AAPL").writeBinary(event), 0));
        assertThat(in.invalid().code()).isEqualTo(Reject.INVALID_REQUEST);
        assertThat(in.invalid().field()).isEqualTo("type");
        assertThat(in.request().clientOrderId()).isEqualTo("c-8");
        assertThat(in.request().accountId()).isEqualTo("a-8");
    }

    @Test
    void shouldPublishExecutionsWithTheCommandsTimeAndIdAsBinaryModeEvents() {
        Execution e = new Execution("1-7-0", EventTypes.ORDER_REJECTED, "AAPL",
                new OrderRejected(null, "c-1", "a", "AAPL", "PRICE_OFF_TICK", "price: off", 0));
        ProducerRecord<String, byte[]> r = ExecutionRecords.encode("ztrade.executions", e, 1_700_000_000_000L, "cmd-1", ExecutionRecords.Trace.NONE);
        assertThat(r.key()).isEqualTo("AAPL");
        assertThat(header(r, "ce_id")).isEqualTo("1-7-0");
        assertThat(header(r, "ce_source")).isEqualTo("/ztrade/orderbook");
        assertThat(header(r, "ce_type")).isEqualTo(EventTypes.ORDER_REJECTED);
        assertThat(header(r, "ce_subject")).isEqualTo("AAPL");
        assertThat(header(r, "ce_time")).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(header(r, "ce_commandid")).isEqualTo("cmd-1");
    }
}
