package io.ztrade.orderbook.service.api;

import static io.restassured.RestAssured.given;
import static io.ztrade.orderbook.service.api.OrdersApiTest.TOKEN;
import static io.ztrade.orderbook.service.api.OrdersApiTest.book;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztrade.infra.KafkaResource;
import io.ztrade.infra.PostgresResource;
import io.ztrade.testtools.HostileHttp;
import io.ztrade.testtools.HostileHttp.Request;
import io.ztrade.testtools.HostileHttp.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hostile input on every REST endpoint of the matching service: hundreds of requests derived from
 * valid ones (see {@link HostileHttp}). None gets a 5xx; every 400 names the field; the book is the
 * same after every refused request. A variant that is still a valid order (say, another client id)
 * is accepted and then cancelled, so the book is the same after it too.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class,
        initArgs = @ResourceArg(name = KafkaResource.TOPICS, value = "ztrade.orders:3,ztrade.executions:3"))
@QuarkusTestResource(PostgresResource.class)
class OrdersHostileInputTest {

    @TestHTTPResource("/")
    URI base;

    private static final Map<String, String> WRITE = Map.of("Authorization", TOKEN, "Content-Type", "application/json");

    @Test
    void answersEveryHostileOrderWithA4xxNamingTheFieldAndChangesNothing() {
        String place = """
                {"clientOrderId":"hostile-1","accountId":"acct-hostile","symbol":"AAPL","side":"BUY","type":"LIMIT",\
                "timeInForce":"GTC","postOnly":true,"price":"80.00","quantity":"1"}""";
        List<Request> requests = new ArrayList<>(HostileHttp.variants(Request.of("POST", "/api/v1/orders", WRITE, place),
                150, 7));
        requests.addAll(HostileHttp.variants(Request.of("PATCH", "/api/v1/orders/AAPL/1025", WRITE,
                "{\"price\":\"81.00\",\"quantity\":\"2\"}"), 50, 8));
        for (String path : List.of("/api/v1/orders/AAPL/%00", "/api/v1/orders/AAPL/-1", "/api/v1/orders/AAPL/99999999999999999999",
                "/api/v1/orders/%E9/1025", "/api/v1/orders/NOPE/1025", "/api/v1/orders/AAPL/1025%2F..")) {
            requests.add(Request.of("DELETE", path, Map.of("Authorization", TOKEN), ""));
        }
        for (String path : List.of("/api/v1/books/AAPL?depth=-1", "/api/v1/books/AAPL?depth=abc",
                "/api/v1/books/AAPL?depth=99999999999", "/api/v1/books/%FF", "/api/v1/books/AAPL?depth=%00")) {
            requests.add(Request.of("GET", path, Map.of(), ""));
        }

        int accepted = 0;
        int refused = 0;
        for (Request request : requests) {
            String before = book();
            Response response = HostileHttp.send(base, request);
            assertThat(response.status()).as("%s -> %s", request, response.body()).isLessThan(500);
            if (response.status() == 400) {
                assertThat(namedField(response)).as("the field named in %s for %s", response.body(), request).isNotBlank();
            }
            if (response.status() >= 400) {
                refused++;
            } else if (request.method().equals("POST")) {
                accepted++;
                cancelIfResting(response);
            }
            assertThat(book()).as("the book after %s (answered %s)", request, response.status()).isEqualTo(before);
        }
        assertThat(refused).as("refused requests").isGreaterThan(requests.size() / 2);
        assertThat(accepted).as("still-valid orders among the variants").isPositive();
    }

    /** An error body names it in {@code field}; a refused order in its {@code rejectReason} ("field: why"). */
    private static String namedField(Response response) {
        if (response.field() != null) {
            return response.field();
        }
        String reason = io.restassured.path.json.JsonPath.from(response.body()).getString("rejectReason");
        int colon = reason == null ? -1 : reason.indexOf(':');
        return colon <= 0 ? null : reason.substring(0, colon);
    }

    private static void cancelIfResting(Response response) {
        io.restassured.path.json.JsonPath json = io.restassured.path.json.JsonPath.from(response.body());
        String orderId = json.getString("orderId");
        if (orderId != null && "NEW".equals(json.getString("status"))) {
            given().header("Authorization", TOKEN).delete("/api/v1/orders/AAPL/" + orderId).then().statusCode(200);
        }
    }
}
