package io.ztrade.backtest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Builds CloudEvent HTTP requests for the tests. */
final class Events {

    static final String AAPL_2013 = """
            {"strategy":"sma-crossover","params":{"fast":10,"slow":30},"symbol":"AAPL","timeframe":"1Day",
             "from":"2013-01-01T00:00:00Z","to":"2014-01-01T00:00:00Z","initialCapital":10000,
             "commissionPerTrade":1,"commissionBps":0,"slippageBps":5}""";

    private Events() {}

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static RequestSpecification binary(String type, String source, String id) {
        return given().contentType(ContentType.JSON)
                .header("ce-specversion", "1.0")
                .header("ce-id", id)
                .header("ce-source", source)
                .header("ce-type", type);
    }

    static Response postBinary(String type, String source, String id, String data) {
        return binary(type, source, id).body(data).post("/");
    }

    static Response postStructured(Map<String, Object> envelope) {
        return given().contentType("application/cloudevents+json").body(envelope).post("/");
    }
}
