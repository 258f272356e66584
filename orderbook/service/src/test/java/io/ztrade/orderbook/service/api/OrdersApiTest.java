package io.ztrade.orderbook.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.ztrade.infra.KafkaResource;
import io.ztrade.infra.PostgresResource;
import io.ztrade.orderbook.service.KafkaTestClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The REST API against the running application (real Kafka and PostgreSQL): the JSON shapes of the
 * issue, the bearer token, bad input, unknown orders, duplicates. Uses AAPL only and cancels what it
 * leaves resting, so every test starts from the same book.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class,
        initArgs = @ResourceArg(name = KafkaResource.TOPICS, value = "ztrade.orders:3,ztrade.executions:3"))
@QuarkusTestResource(PostgresResource.class)
class OrdersApiTest {

    static final String TOKEN = "Bearer test-token";
    static final Set<String> ORDER_SHAPE = Set.of("orderId", "clientOrderId", "status", "filledQuantity",
            "remainingQuantity", "fills", "rejectReason");

    private final java.util.ArrayList<String> resting = new java.util.ArrayList<>();

    static String order(String clientOrderId, String side, String type, String timeInForce, String price, String quantity) {
        return order("acct-api", clientOrderId, side, type, timeInForce, price, quantity);
    }

    static String order(String account, String clientOrderId, String side, String type, String timeInForce, String price,
            String quantity) {
        return """
                {"clientOrderId":"%s","accountId":"%s","symbol":"AAPL","side":"%s","type":"%s",
                 "timeInForce":"%s","postOnly":false,"price":%s,"quantity":"%s"}"""
                .formatted(clientOrderId, account, side, type, timeInForce, price == null ? "null" : "\"" + price + "\"",
                        quantity);
    }

    static String id() {
        return "api-" + UUID.randomUUID();
    }

    static ValidatableResponse post(String body) {
        return given().header("Authorization", TOKEN).contentType(ContentType.JSON).body(body)
                .post("/api/v1/orders").then();
    }

    private String place(String side, String price, String quantity) {
        String orderId = post(order(id(), side, "LIMIT", "GTC", price, quantity)).statusCode(200)
                .extract().path("orderId");
        resting.add(orderId);
        return orderId;
    }

    /** The book's levels; not its sequence, which a refused command may advance. */
    static String book() {
        return given().get("/api/v1/books/AAPL?depth=100").then().statusCode(200).extract().jsonPath().getMap("$").entrySet()
                .stream().filter(e -> !e.getKey().equals("sequence")).toList().toString();
    }

    @AfterEach
    void cancelWhatIsLeft() {
        for (String orderId : resting) {
            given().header("Authorization", TOKEN).delete("/api/v1/orders/AAPL/" + orderId);
        }
        resting.clear();
    }

    @Test
    void placesAnOrderAndAnswersInTheOrderShape() {
        String clientOrderId = id();
        JsonPath body = post(order(clientOrderId, "SELL", "LIMIT", "GTC", "201.00", "10"))
                .statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        resting.add(body.getString("orderId"));

        assertThat(body.getMap("$").keySet()).isEqualTo(ORDER_SHAPE);
        assertThat(body.getString("orderId")).matches("\\d+");
        assertThat(body.getString("clientOrderId")).isEqualTo(clientOrderId);
        assertThat(body.getString("status")).isEqualTo("NEW");
        assertThat(body.getString("filledQuantity")).isEqualTo("0");
        assertThat(body.getString("remainingQuantity")).isEqualTo("10");
        assertThat(body.getList("fills")).isEmpty();
        assertThat(body.getString("rejectReason")).isNull();
    }

    @Test
    void matchesAtTheRestingPriceAndReportsEachFill() {
        String maker = place("SELL", "202.00", "5");

        JsonPath taker = post(order("acct-taker", id(), "BUY", "LIMIT", "GTC", "203.00", "3")).statusCode(200)
                .extract().jsonPath();

        assertThat(taker.getString("status")).isEqualTo("FILLED");
        assertThat(taker.getString("filledQuantity")).isEqualTo("3");
        assertThat(taker.getString("remainingQuantity")).isEqualTo("0");
        List<Map<String, Object>> fills = taker.getList("fills");
        assertThat(fills).singleElement().satisfies(f -> {
            assertThat(f.keySet()).containsExactlyInAnyOrder("tradeId", "price", "quantity", "makerOrderId", "takerOrderId");
            assertThat(f).containsEntry("price", "202.00").containsEntry("quantity", "3")
                    .containsEntry("makerOrderId", maker).containsEntry("takerOrderId", taker.getString("orderId"));
            assertThat((String) f.get("tradeId")).startsWith("AAPL-");
        });

        given().header("Authorization", TOKEN).delete("/api/v1/orders/AAPL/" + maker).then().statusCode(200)
                .body("orderId", equalTo(maker))
                .body("status", equalTo("CANCELLED"))
                .body("filledQuantity", equalTo("3"))
                .body("remainingQuantity", equalTo("0"));
        resting.remove(maker);
    }

    @Test
    void cancelsTheRestOfAnIocOrder() {
        String maker = place("SELL", "204.00", "2");
        post(order("acct-taker", id(), "BUY", "LIMIT", "IOC", "204.00", "5")).statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("filledQuantity", equalTo("2"))
                .body("remainingQuantity", equalTo("0"));
        resting.remove(maker);
    }

    @Test
    void answersTheBookBestPriceFirstAndCutAtTheRequestedDepth() {
        place("BUY", "140.00", "2");
        place("BUY", "140.00", "3");
        place("BUY", "139.00", "1");
        place("BUY", "138.00", "1");
        place("SELL", "160.00", "4");
        place("SELL", "161.00", "6");

        JsonPath body = given().get("/api/v1/books/AAPL?depth=2").then().statusCode(200).extract().jsonPath();

        assertThat(body.getMap("$").keySet()).containsExactlyInAnyOrder("symbol", "sequence", "bids", "asks");
        assertThat(body.getString("symbol")).isEqualTo("AAPL");
        assertThat(body.getLong("sequence")).isPositive();
        assertThat(body.getList("bids")).containsExactly(
                Map.of("price", "140.00", "quantity", "5", "orders", 2),
                Map.of("price", "139.00", "quantity", "1", "orders", 1));
        assertThat(body.getList("asks")).containsExactly(
                Map.of("price", "160.00", "quantity", "4", "orders", 1),
                Map.of("price", "161.00", "quantity", "6", "orders", 1));
    }

    @Test
    void listsTheConfiguredInstruments() {
        given().get("/api/v1/instruments").then().statusCode(200)
                .body("symbol", hasItems("AAPL", "BTC-USD", "ETH-USD"))
                .body("find { it.symbol == 'AAPL' }.tickSize", equalTo("0.01"))
                .body("find { it.symbol == 'AAPL' }.lotSize", equalTo("1"))
                .body("find { it.symbol == 'AAPL' }.minPrice", equalTo("75.00"))
                .body("find { it.symbol == 'AAPL' }.maxPrice", equalTo("225.00"))
                .body("find { it.symbol == 'BTC-USD' }.lotSize", equalTo("0.0001"))
                .body("find { it.symbol == 'BTC-USD' }.maxQuantity", equalTo("1000.0000"));
    }

    @Test
    void refusesWritesWithoutABearerTokenAndChangesNothing() {
        String before = book();
        given().contentType(ContentType.JSON).body(order(id(), "BUY", "LIMIT", "GTC", "150.00", "1"))
                .post("/api/v1/orders").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("error", equalTo("unauthorized"));
        given().header("Authorization", "Basic dXNlcjpwdw==").delete("/api/v1/orders/AAPL/1025").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"quantity\":\"1\"}").patch("/api/v1/orders/AAPL/1025")
                .then().statusCode(401);
        assertThat(book()).isEqualTo(before);
    }

    @Test
    void refusesWritesWithAWrongBearerToken() {
        String before = book();
        given().header("Authorization", "Bearer not-the-token").contentType(ContentType.JSON)
                .body(order(id(), "BUY", "LIMIT", "GTC", "150.00", "1")).post("/api/v1/orders").then().statusCode(403)
                .body("error", equalTo("forbidden"))
                .body(org.hamcrest.Matchers.not(containsString("test-token")));
        given().header("Authorization", "Bearer not-the-token").delete("/api/v1/orders/AAPL/1025").then().statusCode(403);
        assertThat(book()).isEqualTo(before);
    }

    @Test
    void countsEveryRefusedAuthenticationByReason() {
        double missing = authFailures("missing");
        double invalid = authFailures("invalid");
        given().contentType(ContentType.JSON).body(order(id(), "BUY", "LIMIT", "GTC", "150.00", "1"))
                .post("/api/v1/orders").then().statusCode(401);
        given().header("Authorization", "Bearer not-the-token").delete("/api/v1/orders/AAPL/1025").then().statusCode(403);
        given().header("Authorization", "Bearer not-the-token").delete("/api/v1/orders/AAPL/1026").then().statusCode(403);
        assertThat(authFailures("missing")).isEqualTo(missing + 1);
        assertThat(authFailures("invalid")).isEqualTo(invalid + 2);
    }

    private static double authFailures(String reason) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("ztrade_orderbook_auth_failures_total{") && l.contains("reason=\"" + reason + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    static Stream<Arguments> badOrders() {
        return Stream.of(
                Arguments.of("unknown symbol", order(id(), "BUY", "LIMIT", "GTC", "150.00", "1").replace("AAPL", "XYZ"), "symbol"),
                Arguments.of("price off the tick grid", order(id(), "BUY", "LIMIT", "GTC", "150.005", "1"), "price"),
                Arguments.of("price outside the band", order(id(), "BUY", "LIMIT", "GTC", "500.00", "1"), "price"),
                Arguments.of("zero quantity", order(id(), "BUY", "LIMIT", "GTC", "150.00", "0"), "quantity"),
                Arguments.of("negative quantity", order(id(), "BUY", "LIMIT", "GTC", "150.00", "-3"), "quantity"),
                Arguments.of("fractional lot", order(id(), "BUY", "LIMIT", "GTC", "150.00", "0.5"), "quantity"),
                Arguments.of("absurd quantity", order(id(), "BUY", "LIMIT", "GTC", "150.00", "99999999999999999999999"), "quantity"),
                Arguments.of("above the maximum", order(id(), "BUY", "LIMIT", "GTC", "150.00", "1000001"), "quantity"),
                Arguments.of("NaN price", order(id(), "BUY", "LIMIT", "GTC", "NaN", "1"), "price"),
                Arguments.of("non-numeric quantity", order(id(), "BUY", "LIMIT", "GTC", "150.00", "ten"), "quantity"),
                Arguments.of("missing price", order(id(), "BUY", "LIMIT", "GTC", null, "1"), "price"),
                Arguments.of("missing side", order(id(), "BUY", "LIMIT", "GTC", "150.00", "1").replace("\"side\":\"BUY\",", ""), "side"),
                Arguments.of("unknown side", order(id(), "HOLD", "LIMIT", "GTC", "150.00", "1"), "side"),
                Arguments.of("unknown field", order(id(), "BUY", "LIMIT", "GTC", "150.00", "1").replace("}", ",\"leverage\":10}"), "leverage"),
                Arguments.of("malformed JSON", "{\"clientOrderId\":", "body"),
                Arguments.of("empty body", "", "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOrders")
    void rejectsBadInputWith400NamingTheFieldAndLeavesTheBookUnchanged(String what, String body, String field) {
        place("BUY", "145.00", "1");
        String before = book();
        Map<Integer, Long> recorded = ordersEnd();

        post(body).statusCode(400)
                .body("status", equalTo("REJECTED"))
                .body("orderId", nullValue())
                .body("rejectReason", startsWith(field + ": "));

        assertThat(book()).isEqualTo(before);
        assertThat(ordersEnd()).as("nothing recorded in ztrade.orders").isEqualTo(recorded);
    }

    @Test
    void rejectsADuplicateClientOrderIdOfTheSameAccountWith409() {
        String clientOrderId = id();
        String first = post(order(clientOrderId, "BUY", "LIMIT", "GTC", "130.00", "1")).statusCode(200)
                .extract().path("orderId");
        resting.add(first);
        String before = book();

        post(order(clientOrderId, "BUY", "LIMIT", "GTC", "130.00", "1")).statusCode(409)
                .body("status", equalTo("REJECTED"))
                .body("clientOrderId", equalTo(clientOrderId))
                .body("rejectReason", startsWith("clientOrderId: "))
                .body("rejectReason", containsString(first));

        assertThat(book()).isEqualTo(before);
    }

    @Test
    void answers404ForACancelOrAmendOfAnUnknownOrder() {
        String before = book();
        given().header("Authorization", TOKEN).delete("/api/v1/orders/AAPL/999999999").then().statusCode(404)
                .body("status", equalTo("REJECTED"))
                .body("rejectReason", startsWith("orderId: "));
        given().header("Authorization", TOKEN).contentType(ContentType.JSON).body("{\"price\":\"150.00\"}")
                .patch("/api/v1/orders/AAPL/999999999").then().statusCode(404)
                .body("rejectReason", startsWith("orderId: "));
        given().header("Authorization", TOKEN).delete("/api/v1/orders/AAPL/not-a-number").then().statusCode(404)
                .body("rejectReason", startsWith("orderId: "));
        given().header("Authorization", TOKEN).delete("/api/v1/orders/XYZ/1025").then().statusCode(404)
                .body("rejectReason", startsWith("symbol: "));
        given().get("/api/v1/books/XYZ").then().statusCode(404).body("field", equalTo("symbol"));
        assertThat(book()).isEqualTo(before);
    }

    @Test
    void amendsQuantityAndPriceOfARestingOrder() {
        String orderId = place("BUY", "131.00", "10");

        given().header("Authorization", TOKEN).contentType(ContentType.JSON).body("{\"quantity\":\"4\"}")
                .patch("/api/v1/orders/AAPL/" + orderId).then().statusCode(200)
                .body("orderId", equalTo(orderId))
                .body("status", equalTo("NEW"))
                .body("remainingQuantity", equalTo("4"));
        given().header("Authorization", TOKEN).contentType(ContentType.JSON).body("{\"price\":\"132.00\"}")
                .patch("/api/v1/orders/AAPL/" + orderId).then().statusCode(200)
                .body("remainingQuantity", equalTo("4"));
        assertThat(given().get("/api/v1/books/AAPL?depth=100").then().extract().jsonPath().getList("bids"))
                .contains(Map.of("price", "132.00", "quantity", "4", "orders", 1));

        String before = book();
        given().header("Authorization", TOKEN).contentType(ContentType.JSON).body("{\"price\":\"132.001\"}")
                .patch("/api/v1/orders/AAPL/" + orderId).then().statusCode(400)
                .body("rejectReason", startsWith("price: "));
        given().header("Authorization", TOKEN).contentType(ContentType.JSON).body("{}")
                .patch("/api/v1/orders/AAPL/" + orderId).then().statusCode(400)
                .body("rejectReason", startsWith("price: "));
        given().header("Authorization", TOKEN).contentType(ContentType.JSON).body("{\"quantity\":\"1.5\"}")
                .patch("/api/v1/orders/AAPL/" + orderId).then().statusCode(400)
                .body("rejectReason", startsWith("quantity: "));
        assertThat(book()).isEqualTo(before);
    }

    @Test
    void rejectsAPostOnlyOrderThatWouldTradeWith409() {
        place("SELL", "205.00", "1");
        String before = book();
        post("""
                {"clientOrderId":"%s","accountId":"acct-api","symbol":"AAPL","side":"BUY","type":"LIMIT",
                 "timeInForce":"GTC","postOnly":true,"price":"205.00","quantity":"1"}""".formatted(id()))
                .statusCode(409)
                .body("status", equalTo("REJECTED"))
                .body("rejectReason", startsWith("postOnly: "));
        assertThat(book()).isEqualTo(before);
    }

    @Test
    void isReadyOnceTheBooksAreRecoveredAndExportsItsMetrics() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        place("BUY", "120.00", "1");
        given().header("Authorization", TOKEN).delete("/api/v1/orders/AAPL/999999999").then().statusCode(404);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("ztrade_orderbook_order_ack_seconds_bucket", "ztrade_orderbook_orders_total{symbol=\"AAPL\"}",
                "ztrade_orderbook_fills_total", "ztrade_orderbook_updates_total", "ztrade_orderbook_book_levels{",
                "ztrade_orderbook_rejects_total{reason=");
    }

    private static Map<Integer, Long> ordersEnd() {
        try (KafkaTestClient client = new KafkaTestClient(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            return client.endOffsets("ztrade.orders");
        }
    }
}
