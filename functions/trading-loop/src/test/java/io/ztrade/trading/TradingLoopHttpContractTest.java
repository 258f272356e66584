package io.ztrade.trading;

import static io.ztrade.trading.TradingLoopFunctionTest.agentId;
import static io.ztrade.trading.TradingLoopFunctionTest.command;
import static io.ztrade.trading.TradingLoopFunctionTest.newId;
import static io.ztrade.trading.TradingLoopFunctionTest.post;
import static io.ztrade.trading.TradingLoopFunctionTest.traderYaml;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.ztrade.events.EventSources;
import io.ztrade.events.EventTypes;
import io.ztrade.infra.KafkaResource;
import io.ztrade.infra.PostgresResource;
import io.ztrade.infra.RedisResource;
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

    @Test
    void shouldImportStartAndTickAnAgent() {
        String id = agentId("contract");
        command("IMPORT", null, "agents/" + id + "/context.yaml", traderYaml(id, true))
                .then().statusCode(200).header("ce-type", EventTypes.AGENT_CHANGED).header("ce-source", EventSources.TRADING_LOOP_FUNCTION)
                .body("agentId", equalTo(id));
        command("START", id, null, null).then().statusCode(200)
                .header("ce-type", EventTypes.AGENT_CHANGED).body("status", equalTo("RUNNING"));
        post(EventTypes.TRADING_TICK, newId(), "{\"agents\":[\"" + id + "\"]}").then().statusCode(204);
        command("STOP", id, null, null).then().statusCode(200).body("status", equalTo("STOPPED"));
    }

    @Test
    void shouldRefuseABadAgentNamingTheField() {
        String id = agentId("contract-bad");
        String file = "agents/" + id + "/context.yaml";
        command("IMPORT", null, file, traderYaml(id, true).replace("capital: 100000", "capital: -5"))
                .then().statusCode(200).header("ce-type", EventTypes.AGENT_COMMAND_REJECTED)
                .body("file", equalTo(file)).body("field", equalTo("capital"));
    }

    @Test
    void shouldAnswer400ForAMalformedExecution() {
        post(EventTypes.ORDER_FILLED, newId(), "{\"tradeId\":\"t-9\",\"sequence\":1,\"surprise\":1}")
                .then().statusCode(400);
    }
}
