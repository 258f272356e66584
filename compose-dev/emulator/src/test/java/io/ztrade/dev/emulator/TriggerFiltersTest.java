package io.ztrade.dev.emulator;

import static io.restassured.RestAssured.given;
import static io.ztrade.dev.emulator.support.Api.newId;
import static io.ztrade.dev.emulator.support.Api.receivedIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.ztrade.dev.emulator.support.BasicPlatform;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each filter dialect of a Trigger, end to end through the broker: the matching event reaches the
 * Trigger's subscriber, the other one does not (the event log says no Trigger matched it).
 */
@QuarkusTest
@TestProfile(BasicPlatform.class)
class TriggerFiltersTest {

    @ParameterizedTest(name = "{0}: subject {1} delivered, subject {2} not")
    @CsvSource({
        "attributes, attr-yes,  attr-no",
        "exact,      exact-yes, exact-no",
        "prefix,     pre-fix,   fix-pre",
        "suffix,     x-suf,     suf-x",
        "all,        all-in-all, all-in",
        "any,        any-2,     any-3",
        "not,        allowed,   blocked",
        "cesql,      ok-1,      nok-1"
    })
    void deliversOnlyWhatTheFilterPasses(String dialect, String matching, String notMatching) {
        String yes = newId(dialect + "-yes");
        String no = newId(dialect + "-no");
        emit(no, "test.matrix." + dialect, notMatching);
        emit(yes, "test.matrix." + dialect, matching);
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedIds("/m/" + dialect).contains(yes));
        await().atMost(Duration.ofSeconds(20)).until(() -> "no-match".equals(status(no)));
        assertThat(receivedIds("/m/" + dialect)).doesNotContain(no);
        assertThat(given().get("/api/events/{id}", yes).then().extract().<List<String>>path("event.matched")).containsExactly("m-" + dialect);
    }

    static void emit(String id, String type, String subject) {
        given().header("ce-specversion", "1.0").header("ce-id", id).header("ce-source", "/tests").header("ce-type", type)
                .header("ce-subject", subject).header("ce-ztradepriority", "5")
                .contentType("application/json").body("{}")
                .post("/ztrade/default").then().statusCode(202);
    }

    static String status(String id) {
        return given().get("/api/events/{id}", id).then().extract().path("event.status");
    }
}
