-- Snapshots of the order books, one row per partition of ztrade.orders and offset.
-- A row holds every book of its partition (PartitionState.toBytes) as of next_offset: recovery loads
-- the newest row and replays the topic from next_offset.
CREATE TABLE orderbook_snapshot (
    topic        text        NOT NULL,
    partition_id integer     NOT NULL CHECK (partition_id >= 0),
    next_offset  bigint      NOT NULL CHECK (next_offset >= 0),
    state        bytea       NOT NULL,
    state_bytes  integer     NOT NULL,
    taken_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, partition_id, next_offset)
);
