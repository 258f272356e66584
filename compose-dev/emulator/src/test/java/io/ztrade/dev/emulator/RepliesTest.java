package io.ztrade.dev.emulator;

import static io.ztrade.dev.emulator.support.Api.behave;
import static io.ztrade.dev.emulator.support.Api.emitAccepted;
import static io.ztrade.dev.emulator.support.Api.event;
import static io.ztrade.dev.emulator.support.Api.newId;
import static io.ztrade.dev.emulator.support.Api.received;
import static io.ztrade.dev.emulator.support.Api.receivedIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.ztrade.dev.emulator.support.BasicPlatform;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A subscriber's reply goes back into the broker; chains of replies are followed; loops are stopped. */
@QuarkusTest
@TestProfile(BasicPlatform.class)
class RepliesTest {

    @Test
    void aReplyGoesBackIntoTheBrokerAndTheEventLogFollowsTheChain() {
        behave("/ask", "reply:test.answer");
        behave("/answer", "reply:test.final");
        String id = newId("ask");
        emitAccepted(id, "test.ask", null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> event(id).getList("replyChain.type").contains("test.final"));
        JsonPath e = event(id);
        assertThat(e.getList("replyChain.type")).containsExactly("test.answer", "test.final");
        assertThat(e.getString("replyChain[0].causedBy.id")).isEqualTo(id);
        assertThat(e.getString("replyChain[0].causedBy.trigger")).isEqualTo("asks");
        assertThat(e.getString("replyChain[0].via")).isEqualTo("reply");
        assertThat(e.getString("replyChain[1].causedBy.type")).isEqualTo("test.answer");
        assertThat(e.getString("event.deliveries[0].reply.type")).isEqualTo("test.answer");
        // the reply carries the request's data, as the recorder echoes it
        await().atMost(Duration.ofSeconds(20)).until(() -> !received("/final").isEmpty());
        assertThat(e.getString("replyChain[1].attributes.ztradehops")).isEqualTo("2");
    }

    @Test
    void theLoopGuardStopsAChainThatReturnsToItself() {
        behave("/loop", "reply:test.loop");
        String id = newId("loop");
        emitAccepted(id, "test.loop", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Map<String, Object>> chain = event(id).getList("replyChain");
            return chain.size() == BasicPlatform.MAX_HOPS && event(id).getList("replyChain.deliveries.note").toString().contains("loop guard");
        });
        // the original and MAX_HOPS replies were delivered; the next reply was dropped
        int before = receivedIds("/loop").size();
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(receivedIds("/loop")).hasSize(before);
        assertThat(event(id).getList("replyChain.type")).hasSize(BasicPlatform.MAX_HOPS).containsOnly("test.loop");
    }
}
