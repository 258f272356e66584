package io.ztrade.orderbook.service.core;

import io.ztrade.events.payload.OrderRequest;

/**
 * One record of {@code ztrade.orders} as the sequencer sees it.
 *
 * @param partition its partition
 * @param offset    its offset: the sequencer applies each offset at most once
 * @param timestamp its Kafka timestamp (milliseconds); becomes the {@code time} of its events
 * @param commandId the CloudEvent id of the command (null when the record was not a CloudEvent)
 * @param request   the decoded request; for an {@code invalid} record, whatever fields could be read
 *                  (may be null)
 * @param invalid   why the record could not be decoded, or null
 */
public record Incoming(int partition, long offset, long timestamp, String commandId, OrderRequest request,
        Reject invalid) {

    /** A decoded command. */
    public static Incoming of(int partition, long offset, long timestamp, String commandId, OrderRequest request) {
        return new Incoming(partition, offset, timestamp, commandId, request, null);
    }
}
