-- Sentiment: the items each source gave (idempotent on source + item id + symbol) and the
-- aggregated score per fetch. Scores are ratios (double precision), not money.

create table sentiment_item (
    id           bigserial        primary key,
    source       varchar(32)      not null,
    item_id      varchar(256)     not null,
    symbol       varchar(32)      not null,
    published_at timestamptz      not null,
    title        text             not null,
    url          text,
    score        double precision not null,
    fetched_at   timestamptz      not null,
    constraint uq_sentiment_item unique (source, item_id, symbol),
    constraint ck_sentiment_item_score check (score between -1 and 1)
);
create index ix_sentiment_item_symbol_time on sentiment_item (symbol, published_at desc);

create table sentiment_score (
    id              bigserial        primary key,
    symbol          varchar(32)      not null,
    as_of           timestamptz      not null,
    score           double precision not null,
    confidence      double precision not null,
    agreement       double precision not null,
    item_count      integer          not null,
    breakdown       jsonb            not null,
    missing_sources varchar(32)[]    not null,
    constraint uq_sentiment_score unique (symbol, as_of),
    constraint ck_sentiment_score_range check (score between -1 and 1 and confidence between 0 and 1 and agreement between 0 and 1)
);
create index ix_sentiment_score_symbol_time on sentiment_score (symbol, as_of desc);
