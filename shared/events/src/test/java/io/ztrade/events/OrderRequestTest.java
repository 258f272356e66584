package io.ztrade.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.events.payload.OrderRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OrderRequestTest {

    private static OrderRequest decode(String json) {
        return EventCodec.decode(json.getBytes(StandardCharsets.UTF_8), OrderRequest.class);
    }

    private static void assertRejected(String json, String field) {
        assertThatThrownBy(() -> decode(json))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void shouldReadTheRestShapeAsAPlaceCommand() {
        OrderRequest r = decode("""
                {"clientOrderId":"c-1","accountId":"acct-1","symbol":"AAPL","side":"BUY","type":"LIMIT",
                 "timeInForce":"GTC","postOnly":false,"price":"123.45","quantity":"10"}""");
        assertThat(r.command()).isEqualTo(OrderRequest.PLACE);
        assertThat(r.price()).isEqualTo("123.45");
        assertThat(r.postOnlyOrDefault()).isFalse();
    }

    @Test
    void shouldNameTheMissingFieldOfANewOrder() {
        assertRejected("{\"accountId\":\"a\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"1\",\"quantity\":\"1\"}",
                "clientOrderId");
        assertRejected("{\"clientOrderId\":\"c\",\"accountId\":\"a\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"1\"}",
                "price");
        assertRejected("{\"clientOrderId\":\"c\",\"accountId\":\"a\",\"symbol\":\"AAPL\",\"side\":\"HOLD\",\"type\":\"LIMIT\",\"price\":\"1\",\"quantity\":\"1\"}",
                "side");
    }

    @Test
    void shouldRefusePostOnlyOutsideGtcLimitOrders() {
        assertRejected("{\"clientOrderId\":\"c\",\"accountId\":\"a\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"MARKET\",\"postOnly\":true,\"quantity\":\"1\"}",
                "postOnly");
        assertRejected("{\"clientOrderId\":\"c\",\"accountId\":\"a\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"timeInForce\":\"IOC\",\"postOnly\":true,\"price\":\"1\",\"quantity\":\"1\"}",
                "postOnly");
    }

    @Test
    void shouldAcceptAMarketOrderWithoutPriceOrTimeInForce() {
        OrderRequest r = decode("{\"clientOrderId\":\"c\",\"accountId\":\"a\",\"symbol\":\"AAPL\",\"side\":\"SELL\",\"type\":\"MARKET\",\"quantity\":\"5\"}");
        assertThat(r.price()).isNull();
    }

    @Test
    void shouldNeedAnOrderIdOrClientOrderIdWithAccountToCancel() {
        assertThat(decode("{\"command\":\"CANCEL\",\"symbol\":\"AAPL\",\"orderId\":\"17\"}").orderId()).isEqualTo("17");
        assertRejected("{\"command\":\"CANCEL\",\"symbol\":\"AAPL\"}", "orderId");
        assertRejected("{\"command\":\"CANCEL\",\"symbol\":\"AAPL\",\"clientOrderId\":\"c\"}", "accountId");
        assertRejected("{\"command\":\"CANCEL\",\"symbol\":\"AAPL\",\"orderId\":\"17\",\"price\":\"1\"}", "price");
    }

    @Test
    void shouldWriteAbsentFieldsAsNullSoThatTheyReadBackTheSame() {
        OrderRequest cancel = OrderRequest.cancel("AAPL", "17", null);
        String json = new String(EventCodec.encode(cancel), StandardCharsets.UTF_8);
        assertThat(json).contains("\"postOnly\":null");
        assertThat(decode(json)).isEqualTo(cancel);
    }

    @Test
    void shouldNeedSomethingToChangeOnAmend() {
        assertRejected("{\"command\":\"AMEND\",\"symbol\":\"AAPL\",\"orderId\":\"17\"}", "price");
        assertThat(decode("{\"command\":\"AMEND\",\"symbol\":\"AAPL\",\"orderId\":\"17\",\"quantity\":\"3\"}").quantity()).isEqualTo("3");
    }

    @Test
    void shouldRejectUnknownCommandsAndFields() {
        assertRejected("{\"command\":\"REPLACE\",\"symbol\":\"AAPL\",\"orderId\":\"17\"}", "command");
        assertRejected("{\"command\":\"CANCEL\",\"symbol\":\"AAPL\",\"orderId\":\"17\",\"colour\":\"red\"}", "colour");
        assertRejected("{\"clientOrderId\":\"c\",\"orderId\":\"9\",\"accountId\":\"a\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"1\",\"quantity\":\"1\"}",
                "orderId");
    }

    @Test
    void shouldRefuseOverlongIds() {
        String longId = "x".repeat(OrderRequest.MAX_ID_LENGTH + 1);
        assertRejected("{\"clientOrderId\":\"" + longId + "\",\"accountId\":\"a\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"1\",\"quantity\":\"1\"}",
                "clientOrderId");
    }
}
