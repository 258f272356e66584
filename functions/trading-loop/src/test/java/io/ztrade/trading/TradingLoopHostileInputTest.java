package io.ztrade.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztrade.events.EventTypes;
import io.ztrade.infra.KafkaResource;
import io.ztrade.infra.PostgresResource;
import io.ztrade.infra.RedisResource;
import io.ztrade.testtools.HostileHttp;
import io.ztrade.testtools.HostileHttp.Request;
import io.ztrade.testtools.HostileHttp.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Hostile CloudEvents on the function's endpoint (see {@link HostileHttp}), built from a valid fill
 * and a valid agent import: never a 5xx, every 400 names the attribute or field, and a refused event
 * stores nothing (no agent, no order, no execution, no audit row).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(RedisResource.class)
@QuarkusTestResource(value = KafkaResource.class, initArgs = @ResourceArg(name = KafkaResource.TOPICS, value = "ztrade.orders:3"))
@QuarkusTestResource(RecordingSink.class)
class TradingLoopHostileInputTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource db;

    static Map<String, String> headers(String type) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("ce-specversion", "1.0");
        h.put("ce-id", "hostile-" + UUID.randomUUID());
        h.put("ce-source", "/tests/hostile");
        h.put("ce-type", type);
        h.put("Content-Type", "application/json");
        return h;
    }

    @Test
    void answersEveryHostileFillWithA4xxNamingTheFieldAndBooksNothing() throws Exception {
        String fill = TradingLoopFunctionTest.fill("t-h", "ob-h", "by-hand-h", "alice", "62400.5", "0.01", "0");
        sweep(HostileHttp.variants(Request.of("POST", "/", headers(EventTypes.ORDER_FILLED), fill), 150, 21));
    }

    @Test
    void answersEveryHostileAgentCommandWithA4xxNamingTheFieldAndStoresNothing() throws Exception {
        String yaml = TradingLoopFunctionTest.traderYaml("hostile-" + UUID.randomUUID().toString().substring(0, 8), true);
        String cmd = "{\"command\":\"IMPORT\",\"file\":\"agents/h/context.yaml\",\"yaml\":" + TradingLoopFunctionTest.json(yaml) + "}";
        sweep(HostileHttp.variants(Request.of("POST", "/", headers(EventTypes.AGENT_COMMAND), cmd), 150, 22));
    }

    private void sweep(List<Request> requests) throws Exception {
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

    private long[] rows() throws Exception {
        long[] counts = new long[4];
        String[] tables = {"agent", "trade_order", "execution", "trading_audit"};
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            for (int i = 0; i < tables.length; i++) {
                try (ResultSet rs = st.executeQuery("select count(*) from " + tables[i])) {
                    rs.next();
                    counts[i] = rs.getLong(1);
                }
            }
        }
        return counts;
    }
}
