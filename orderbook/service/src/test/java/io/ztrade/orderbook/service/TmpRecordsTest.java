package io.ztrade.orderbook.service;

import io.ztrade.orderbook.service.core.RandomOrders;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TmpRecordsTest {
    @Test
    void t() {
        String b = TestInfra.kafka("tmp-x:3");
        try (KafkaTestClient c = new KafkaTestClient(b)) {
            var stream = RandomOrders.stream(7, 6000, List.of("AAPL", "BTC-USD", "ETH-USD", "AMD"));
            c.sendAll("tmp-x", stream, "cmd", 0, 0, 6000);
            var recs = c.records("tmp-x");
            System.out.println("RECS " + recs.size() + " " + recs.stream().collect(Collectors.groupingBy(r -> r.partition(), Collectors.counting())) + " end " + c.endOffsets("tmp-x"));
        }
    }
}
