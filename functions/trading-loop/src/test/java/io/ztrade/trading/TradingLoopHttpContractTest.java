package io.ztrade.trading;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.ztrade.events.EventSources;
import io.ztrade.events.EventTypes;
import io.ztrade.infra.KafkaResource;
import io.ztrade.infra.PostgresResource;
import io.ztrade.infra.RedisResource;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The function's HTTP contract, asserted through HTTP only, so that {@link TradingLoopHttpContractIT}
 * reruns it against the packaged artifact (and trains the JDK AOT cache `./ztrade` builds with it):
 * an agent imported, started and ticked, a bad agent refused naming the field, a malformed
 * execution refused with 400.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(RedisResource.class)
@QuarkusTestResource(value = KafkaResource.class, initArgs = @ResourceArg(name = KafkaResource.TOPICS, value = "ztrade.orders:3"))
@QuarkusTestResource(RecordingSink.class)
class TradingLoopHttpContractTest {

    static Response post(String type, String data) {
        return given().contentType(ContentType.JSON).header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                .header("ce-source", "/tests/contract").header("ce-type", type).body(data).post("/");
    }

    static Response command(String command, String agentId, String file, String yaml) {
        StringBuilder b = new StringBuilder("{\"command\":\"").append(command).append('"');
        if (agentId != null) {
            b.append(",\"agentId\":\"").append(agentId).append('"');
        }
        if (file != null) {
            b.append(",\"file\":").append(TradingLoopFunctionTest.json(file));
        }
        if (yaml != null) {
            b.append(",\"yaml\":").append(TradingLoopFunctionTest.json(yaml));
        }
        return post(EventTypes.AGENT_COMMAND, b.append('}').toString());
    }

    @Test
    void shouldImportStartAndTickAnAgent() {
        String id = TradingLoopFunctionTest.agentId("contract");
        command("IMPORT", null, "agents/" + id + "/context.yaml", TradingLoopFunctionTest.traderYaml(id, true)).then().statusCode(200)
                .header("ce-type", EventTypes.AGENT_CHANGED).header("ce-source", EventSources.TRADING_LOOP_FUNCTION)
                .body("agentId", equalTo(id));
        command("START", id, null, null).then().statusCode(200).header("ce-type", EventTypes.AGENT_CHANGED)
                .body("status", equalTo("RUNNING"));
        post(EventTypes.TRADING_TICK, "{\"agents\":[\"" + id + "\"]}").then().statusCode(204);
        command("STOP", id, null, null).then().statusCode(200).body("status", equalTo("STOPPED"));
    }

    @Test
    void shouldRefuseABadAgentNamingTheField() {
        String id = TradingLoopFunctionTest.agentId("contract-bad");
        String file = "agents/" + id + "/context.yaml";
        command("IMPORT", null, file, TradingLoopFunctionTest.traderYaml(id, true).replace("capital: 100000", "capital: -5"))
                .then().statusCode(200).header("ce-type", EventTypes.AGENT_COMMAND_REJECTED)
                .body("file", equalTo(file)).body("field", equalTo("capital"));
    }

    @Test
    void shouldAnswer400ForAMalformedExecution() {
        post(EventTypes.ORDER_FILLED, "{\"tradeId\":\"t-9\",\"sequence\":1,\"surprise\":1}").then().statusCode(400);
    }
}
