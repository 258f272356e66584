-- Ztrade baseline schema. Money is numeric (exact); backtest ratios are double precision.

create table market_bar (
    id          bigserial      primary key,
    symbol      varchar(32)    not null,
    timeframe   varchar(8)     not null,
    bar_time    timestamptz    not null,
    open        numeric(24, 8) not null,
    high        numeric(24, 8) not null,
    low         numeric(24, 8) not null,
    close       numeric(24, 8) not null,
    volume      numeric(30, 8) not null,
    source      varchar(64)    not null,
    constraint uq_market_bar unique (symbol, timeframe, bar_time),
    constraint ck_market_bar_range check (low <= high and low <= open and open <= high and low <= close and close <= high),
    constraint ck_market_bar_volume check (volume >= 0)
);

create table job_run (
    id           bigserial    primary key,
    event_source varchar(512) not null,
    event_id     varchar(256) not null,
    event_type   varchar(256) not null,
    function     varchar(64)  not null,
    status       varchar(16)  not null,
    attempts     integer      not null,
    started_at   timestamptz  not null,
    finished_at  timestamptz,
    error        text,
    reply_type   varchar(256),
    reply_data   jsonb,
    constraint uq_job_run_event unique (event_source, event_id),
    constraint ck_job_run_status check (status in ('RUNNING', 'SUCCEEDED', 'FAILED'))
);
create index ix_job_run_started on job_run (started_at desc);
create index ix_job_run_status on job_run (status);

create table backtest_sweep (
    id           uuid        primary key,
    request      jsonb       not null,
    metric       varchar(32) not null,
    top_n        integer     not null,
    total        integer     not null,
    skipped      integer     not null,
    done         integer     not null default 0,
    succeeded    integer     not null default 0,
    failed       integer     not null default 0,
    status       varchar(16) not null,
    created_at   timestamptz not null,
    completed_at timestamptz,
    announced_at timestamptz,
    constraint ck_backtest_sweep_status check (status in ('RUNNING', 'COMPLETED')),
    constraint ck_backtest_sweep_done check (done <= total)
);

create table backtest_sweep_member (
    sweep_id uuid        not null references backtest_sweep (id) on delete cascade,
    idx      integer     not null,
    params   jsonb       not null,
    run_id   uuid,
    status   varchar(16) not null,
    primary key (sweep_id, idx),
    constraint ck_backtest_sweep_member_status check (status in ('PENDING', 'SUCCEEDED', 'FAILED'))
);

create table backtest_run (
    id                   uuid           primary key,
    job_run_id           bigint         references job_run (id),
    sweep_id             uuid           references backtest_sweep (id),
    sweep_index          integer,
    strategy             varchar(64)    not null,
    params               jsonb          not null,
    symbol               varchar(32)    not null,
    timeframe            varchar(8)     not null,
    from_time            timestamptz    not null,
    to_time              timestamptz    not null,
    initial_capital      numeric(24, 8) not null,
    commission_per_trade numeric(24, 8) not null,
    commission_bps       numeric(12, 4) not null,
    slippage_bps         numeric(12, 4) not null,
    risk_free_rate       numeric(12, 8) not null,
    bars                 integer        not null,
    total_return         double precision,
    cagr                 double precision,
    sharpe               double precision,
    sortino              double precision,
    max_drawdown         double precision,
    win_rate             double precision,
    trades               integer        not null,
    profit_factor        double precision,
    exposure             double precision,
    commissions          numeric(24, 8) not null,
    final_equity         numeric(24, 8) not null,
    duration_ms          bigint         not null,
    created_at           timestamptz    not null
);
create index ix_backtest_run_sweep on backtest_run (sweep_id);
create index ix_backtest_run_created on backtest_run (created_at desc);

create table backtest_trade (
    id           bigserial      primary key,
    run_id       uuid           not null references backtest_run (id) on delete cascade,
    seq          integer        not null,
    side         varchar(4)     not null,
    bar_time     timestamptz    not null,
    price        numeric(24, 8) not null,
    quantity     numeric(30, 8) not null,
    commission   numeric(24, 8) not null,
    realized_pnl numeric(24, 8) not null,
    constraint uq_backtest_trade unique (run_id, seq),
    constraint ck_backtest_trade_side check (side in ('BUY', 'SELL')),
    constraint ck_backtest_trade_qty check (quantity > 0 and price > 0)
);
