package io.ztrade.orderbook.service.core;

import java.util.Objects;

/**
 * One outgoing event: a payload record of the catalog ({@code OrderAccepted}, {@code OrderFilled},
 * {@code OrderRejected}, {@code OrderCancelled}) with its CloudEvent type and a deterministic id.
 *
 * @param id     {@code <partition>-<offset>-<n>}: the command record's partition and offset in
 *               {@code ztrade.orders} and the event's position among that command's events, so a
 *               replay of the same record gives the same ids
 * @param type   CloudEvent type, e.g. {@code io.ztrade.order.filled}
 * @param symbol instrument (the Kafka key and CloudEvent subject); may be null for a record that
 *               named none
 * @param data   the payload record
 */
public record Execution(String id, String type, String symbol, Object data) {

    public Execution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }
}
