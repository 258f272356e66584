-- Where each running replica answers REST calls, by its Kafka client id: a replica that does not own a
-- symbol finds the owner of its partition in the consumer group and forwards a write to the owner's
-- rest_url. A replica writes its row when it starts and deletes it when it stops; a crashed one leaves
-- a row that no consumer group member names, which is never used.
CREATE TABLE orderbook_member (
    client_id  text        PRIMARY KEY,
    rest_url   text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
