package io.ztrade.backtest;

import static io.ztrade.backtest.Events.AAPL_2013;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztrade.events.EventTypes;
import io.ztrade.infra.PostgresResource;
import io.ztrade.persistence.BacktestRunEntity;
import io.ztrade.persistence.BacktestSweepEntity;
import io.ztrade.persistence.JobRunEntity;
import io.ztrade.testtools.HostileHttp;
import io.ztrade.testtools.HostileHttp.Request;
import io.ztrade.testtools.HostileHttp.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Hostile CloudEvents on the function's HTTP endpoint, in binary and structured mode (see
 * {@link HostileHttp}): never a 5xx, every 400 names the attribute or field, and a refused event
 * stores nothing (no job, no run, no sweep).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class BacktestHostileInputTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void answersEveryHostileBinaryEventWithA4xxNamingTheFieldAndStoresNothing() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce-specversion", "1.0");
        headers.put("ce-id", "hostile-" + UUID.randomUUID());
        headers.put("ce-source", "/tests/hostile");
        headers.put("ce-type", EventTypes.BACKTEST_REQUESTED);
        headers.put("Content-Type", "application/json");
        sweep(HostileHttp.variants(Request.of("POST", "/", headers, AAPL_2013.replace("\n", "")), 150, 11));
    }

    @Test
    void answersEveryHostileStructuredEventWithA4xxNamingTheFieldAndStoresNothing() {
        String envelope = """
                {"specversion":"1.0","id":"hostile-%s","source":"/tests/hostile","type":"%s",\
                "datacontenttype":"application/json","data":%s}"""
                .formatted(UUID.randomUUID(), EventTypes.BACKTEST_REQUESTED, AAPL_2013.replace("\n", ""));
        sweep(HostileHttp.variants(Request.of("POST", "/", Map.of("Content-Type", "application/cloudevents+json"), envelope),
                100, 12));
    }

    private void sweep(List<Request> requests) {
        List<String> refused = new ArrayList<>();
        for (Request request : requests) {
            long[] before = rows();
            Response response = HostileHttp.send(base, request);
            assertThat(response.status()).as("%s -> %s", request, response.body()).isLessThan(500);
            if (response.status() == 400) {
                assertThat(response.field()).as("the field named in %s for %s", response.body(), request).isNotBlank();
            }
            if (response.status() >= 400) {
                refused.add(request.description());
                assertThat(rows()).as("rows after the refused %s", request).containsExactly(before);
            }
        }
        assertThat(refused).as("refused requests").hasSizeGreaterThan(requests.size() / 2);
    }

    private static long[] rows() {
        long[] counts = new long[3];
        QuarkusTransaction.requiringNew().run(() -> {
            counts[0] = JobRunEntity.count();
            counts[1] = BacktestRunEntity.count();
            counts[2] = BacktestSweepEntity.count();
        });
        return counts;
    }
}
