package io.ztrade.orderbook.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.ztrade.events.EventCodec;
import io.ztrade.events.EventTypes;
import io.ztrade.events.payload.OrderAccepted;
import io.ztrade.events.payload.OrderFilled;
import io.ztrade.events.payload.OrderRejected;
import io.ztrade.events.payload.OrderRequest;
import io.ztrade.infra.KafkaResource;
import io.ztrade.infra.PostgresResource;
import io.ztrade.orderbook.service.KafkaTestClient;
import io.ztrade.orderbook.service.kafka.ExecutionRecords;
import io.ztrade.orderbook.service.kafka.OrderbookNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Orders in and executions out through real Kafka, as CloudEvents in binary mode: what the trading
 * loop (or any Kafka client) sees. Uses ETH-USD, so it never meets the REST tests' orders.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class,
        initArgs = @ResourceArg(name = KafkaResource.TOPICS, value = "ztrade.orders:3,ztrade.executions:3"))
@QuarkusTestResource(PostgresResource.class)
class KafkaFlowTest {

    private static final String ORDERS = "ztrade.orders";
    private static final String EXECUTIONS = "ztrade.executions";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private KafkaTestClient client;

    @BeforeEach
    void client() {
        client = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static String id() {
        return "kafka-" + UUID.randomUUID();
    }

    private static OrderRequest eth(String clientOrderId, String side, String price, String quantity) {
        return eth(clientOrderId, "acct-kafka", side, price, quantity);
    }

    private static OrderRequest eth(String clientOrderId, String account, String side, String price, String quantity) {
        return OrderRequest.place(clientOrderId, account, "ETH-USD", side, "LIMIT", "GTC", false, price, quantity);
    }

    /** The events a command caused, in order (they carry its id in the {@code commandid} extension). */
    private List<CloudEvent> eventsOf(String commandId, int count) {
        return client.awaitEvents(EXECUTIONS, all -> of(all, commandId).size() >= count, WAIT).stream()
                .filter(e -> commandId.equals(e.getExtension(ExecutionRecords.COMMAND_ID))).toList();
    }

    private static List<CloudEvent> of(List<CloudEvent> all, String commandId) {
        return all.stream().filter(e -> commandId.equals(e.getExtension(ExecutionRecords.COMMAND_ID))).toList();
    }

    private static <T> T data(CloudEvent e, Class<T> type) {
        return EventCodec.decode(e.getData().toBytes(), type);
    }

    private static String book(String symbol) {
        return given().get("/api/v1/books/" + symbol + "?depth=100").then().statusCode(200).extract().jsonPath().getMap("$").entrySet()
                .stream().filter(e -> !e.getKey().equals("sequence")).toList().toString();
    }

    @Test
    void executesOrdersFromKafkaAndPublishesEveryOutcomeAsBinaryCloudEvents() {
        String sellId = id();
        client.send(ORDERS, eth(id(), "SELL", "3100.00", "0.5"), sellId);
        CloudEvent accepted = eventsOf(sellId, 1).get(0);
        String makerOrderId = data(accepted, OrderAccepted.class).orderId();

        String buyId = id();
        client.send(ORDERS, eth(id(), "acct-kafka-taker", "BUY", "3100.00", "0.2"), buyId);
        List<CloudEvent> events = eventsOf(buyId, 3);

        assertThat(events).extracting(CloudEvent::getType)
                .containsExactly(EventTypes.ORDER_ACCEPTED, EventTypes.ORDER_FILLED, EventTypes.ORDER_FILLED);
        OrderFilled taker = data(events.get(1), OrderFilled.class);
        OrderFilled maker = data(events.get(2), OrderFilled.class);
        assertThat(taker.tradeId()).startsWith("ETH-USD-").isEqualTo(maker.tradeId());
        assertThat(taker.price()).isEqualTo("3100.00");
        assertThat(taker.quantity()).isEqualTo("0.2000");
        assertThat(taker.makerOrderId()).isEqualTo(makerOrderId);
        assertThat(taker.takerOrderId()).isEqualTo(taker.orderId());
        assertThat(taker.remainingQuantity()).isEqualTo("0.0000");
        assertThat(maker.orderId()).isEqualTo(makerOrderId);
        assertThat(maker.remainingQuantity()).isEqualTo("0.3000");

        ConsumerRecord<String, byte[]> record = client.records(EXECUTIONS).stream()
                .filter(r -> header(r, "ce_id").equals(events.get(1).getId())).findFirst().orElseThrow();
        assertThat(record.key()).isEqualTo("ETH-USD");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_type")).isEqualTo(EventTypes.ORDER_FILLED);
        assertThat(header(record, "ce_source")).isEqualTo("/ztrade/orderbook");
        assertThat(header(record, "ce_id")).matches("\\d+-\\d+-1");
        assertThat(header(record, "content-type")).isEqualTo("application/json");

        cancel(makerOrderId);
    }

    @Test
    void rejectsABadKafkaOrderNamingTheFieldAndLeavesTheBookUnchanged() {
        String before = book("ETH-USD");
        String commandId = id();
        client.send(ORDERS, eth(id(), "BUY", "3000.005", "1"), commandId);

        OrderRejected rejected = data(eventsOf(commandId, 1).get(0), OrderRejected.class);
        assertThat(rejected.code()).isEqualTo("PRICE_OFF_TICK");
        assertThat(rejected.reason()).startsWith("price: ");
        assertThat(rejected.symbol()).isEqualTo("ETH-USD");
        assertThat(book("ETH-USD")).isEqualTo(before);

        String missing = id();
        client.send(ORDERS, new OrderRequest(null, null, "c-missing", "acct-kafka", "ETH-USD", "BUY", "LIMIT", "GTC", false,
                "3000.00", null), missing);
        OrderRejected noQuantity = data(eventsOf(missing, 1).get(0), OrderRejected.class);
        assertThat(noQuantity.code()).isEqualTo("INVALID_REQUEST");
        assertThat(noQuantity.reason()).startsWith("quantity: ");
        assertThat(noQuantity.clientOrderId()).isEqualTo("c-missing");
        assertThat(book("ETH-USD")).isEqualTo(before);
    }

    @Test
    void rejectsAClientOrderIdSentTwiceInsteadOfExecutingItTwice() {
        String clientOrderId = id();
        String first = id();
        String second = id();
        client.send(ORDERS, eth(clientOrderId, "BUY", "2900.00", "1"), first);
        client.send(ORDERS, eth(clientOrderId, "BUY", "2900.00", "1"), second);

        OrderAccepted accepted = data(eventsOf(first, 1).get(0), OrderAccepted.class);
        OrderRejected rejected = data(eventsOf(second, 1).get(0), OrderRejected.class);
        assertThat(rejected.code()).isEqualTo("DUPLICATE_CLIENT_ORDER_ID");
        assertThat(rejected.reason()).startsWith("clientOrderId: ");
        assertThat(given().get("/api/v1/books/ETH-USD?depth=100").then().extract().jsonPath().getList("bids"))
                .contains(java.util.Map.of("price", "2900.00", "quantity", "1.0000", "orders", 1));

        cancel(accepted.orderId());
    }

    @Test
    void answersARecordThatIsNoCloudEventWithARejection() {
        String before = book("ETH-USD");
        client.sendRaw(new ProducerRecord<>(ORDERS, "ETH-USD", "{\"clientOrderId\":\"raw-1\"}".getBytes(StandardCharsets.UTF_8)));
        List<CloudEvent> events = client.awaitEvents(EXECUTIONS, all -> all.stream()
                .filter(e -> e.getType().equals(EventTypes.ORDER_REJECTED))
                .anyMatch(e -> "raw-1".equals(data(e, OrderRejected.class).clientOrderId())), WAIT);
        OrderRejected rejected = events.stream().filter(e -> e.getType().equals(EventTypes.ORDER_REJECTED))
                .map(e -> data(e, OrderRejected.class)).filter(r -> "raw-1".equals(r.clientOrderId())).findFirst()
                .orElseThrow();
        assertThat(rejected.code()).isEqualTo("UNSUPPORTED_EVENT");
        assertThat(book("ETH-USD")).isEqualTo(before);
    }

    @Test
    void recordsRestOrdersInTheOrdersTopicAndPublishesTheirEventsToo() {
        String clientOrderId = id();
        String orderId = given().header("Authorization", OrdersApiTest.TOKEN).contentType(ContentType.JSON).body("""
                {"clientOrderId":"%s","accountId":"acct-rest","symbol":"BTC-USD","side":"BUY","type":"LIMIT",
                 "timeInForce":"GTC","postOnly":false,"price":"59000.00","quantity":"0.0100"}""".formatted(clientOrderId))
                .post("/api/v1/orders").then().statusCode(200).extract().path("orderId");

        ConsumerRecord<String, byte[]> command = client.records(ORDERS).stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(clientOrderId)).findFirst().orElseThrow();
        assertThat(command.key()).isEqualTo("BTC-USD");
        assertThat(header(command, "ce_type")).isEqualTo(EventTypes.ORDER_REQUESTED);
        assertThat(header(command, "ce_source")).isEqualTo(OrderbookNode.REST_SOURCE.toString());
        long expectedId = ((command.offset() + 1) << 10) | command.partition();
        assertThat(orderId).isEqualTo(Long.toString(expectedId));

        OrderAccepted accepted = data(eventsOf(header(command, "ce_id"), 1).get(0), OrderAccepted.class);
        assertThat(accepted.orderId()).isEqualTo(orderId);
        assertThat(accepted.clientOrderId()).isEqualTo(clientOrderId);
        assertThat(accepted.quantity()).isEqualTo("0.0100");

        given().header("Authorization", OrdersApiTest.TOKEN).delete("/api/v1/orders/BTC-USD/" + orderId).then()
                .statusCode(200);
    }

    private void cancel(String orderId) {
        String commandId = id();
        client.send(ORDERS, OrderRequest.cancel("ETH-USD", orderId, "acct-kafka"), commandId);
        assertThat(eventsOf(commandId, 1).get(0).getType()).isEqualTo(EventTypes.ORDER_CANCELLED);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }
}
