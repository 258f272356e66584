-- Trading: agents, their accounts and positions, orders, executions booked exactly once, the equity
-- curve, an append-only audit of every decision, and the kill switch. Money and quantities are
-- exact, unbounded numeric (no rounding on the way in: a ledger restored from these rows continues exactly).

create table agent (
    id            varchar(64)    primary key,
    symbol        varchar(32)    not null,
    timeframe     varchar(8)     not null,
    strategy      varchar(64)    not null,
    params        jsonb          not null,
    kind          varchar(16)    not null,
    capital       numeric not null,
    settings      jsonb          not null,
    dry_run       boolean        not null default false,
    status        varchar(16)    not null default 'STOPPED',
    status_reason text,
    source_file   text,
    last_bar_time timestamptz,
    created_at    timestamptz    not null default now(),
    updated_at    timestamptz    not null default now(),
    constraint ck_agent_kind check (kind in ('TRADER', 'MARKET_MAKER')),
    constraint ck_agent_status check (status in ('STOPPED', 'RUNNING', 'PAUSED', 'ERROR')),
    constraint ck_agent_capital check (capital >= 0)
);
create index ix_agent_status on agent (status);

create table agent_account (
    agent_id         varchar(64)    primary key references agent (id),
    cash             numeric not null,
    realised_pnl     numeric not null default 0,
    commissions      numeric not null default 0,
    peak_equity      numeric not null,
    trading_day      date,
    day_start_equity numeric,
    daily_trades     integer        not null default 0,
    constraint ck_agent_account_trades check (daily_trades >= 0)
);

create table agent_position (
    agent_id  varchar(64)    not null references agent (id),
    symbol    varchar(32)    not null,
    quantity  numeric not null,
    avg_price numeric not null,
    -- what the position cost, buy commissions included (avg_price = cost_basis / |quantity|)
    cost_basis numeric not null,
    primary key (agent_id, symbol)
);

create table trade_order (
    client_order_id varchar(64)    primary key,
    order_id        varchar(64),
    agent_id        varchar(64)    not null references agent (id),
    symbol          varchar(32)    not null,
    side            varchar(4)     not null,
    type            varchar(8)     not null,
    price           numeric,
    quantity        numeric not null,
    filled_quantity numeric not null default 0,
    status          varchar(20)    not null default 'NEW',
    reason          text,
    created_at      timestamptz    not null default now(),
    updated_at      timestamptz    not null default now(),
    constraint ck_trade_order_side check (side in ('BUY', 'SELL')),
    constraint ck_trade_order_type check (type in ('LIMIT', 'MARKET')),
    constraint ck_trade_order_status check (status in ('NEW', 'ACCEPTED', 'PARTIALLY_FILLED', 'FILLED', 'CANCELLED', 'REJECTED')),
    constraint ck_trade_order_quantity check (quantity > 0 and filled_quantity >= 0 and filled_quantity <= quantity)
);
create index ix_trade_order_agent on trade_order (agent_id, created_at desc);
create index ix_trade_order_order_id on trade_order (order_id);
create index ix_trade_order_open on trade_order (status) where status in ('NEW', 'ACCEPTED', 'PARTIALLY_FILLED');

-- execution_id: the order book's tradeId + ':' + the side's order id (a trade fills two orders)
create table execution (
    execution_id    varchar(160)   primary key,
    client_order_id varchar(64)    not null references trade_order (client_order_id),
    agent_id        varchar(64)    not null references agent (id),
    symbol          varchar(32)    not null,
    side            varchar(4)     not null,
    price           numeric not null,
    quantity        numeric not null,
    commission      numeric not null,
    booked_at       timestamptz    not null default now(),
    constraint ck_execution_side check (side in ('BUY', 'SELL')),
    constraint ck_execution_amounts check (price > 0 and quantity > 0 and commission >= 0)
);
create index ix_execution_agent on execution (agent_id, booked_at desc);

create table equity_point (
    agent_id varchar(64)    not null references agent (id),
    at       timestamptz    not null,
    equity   numeric not null,
    drawdown numeric not null,
    primary key (agent_id, at)
);

create table trading_audit (
    id       bigserial    primary key,
    at       timestamptz  not null default now(),
    agent_id varchar(64)  not null,
    bar_time timestamptz,
    action   varchar(16)  not null,
    taken    boolean      not null,
    rule     varchar(64),
    detail   jsonb        not null
);
create index ix_trading_audit_agent on trading_audit (agent_id, at desc);

-- No code path updates or deletes an audit row; the database refuses it too.
create function trading_audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'trading_audit is append-only: % refused', tg_op;
end;
$$;
create trigger trading_audit_no_update_or_delete
    before update or delete on trading_audit
    for each row execute function trading_audit_append_only();
create trigger trading_audit_no_truncate
    before truncate on trading_audit
    for each statement execute function trading_audit_append_only();

create table kill_switch (
    id         smallint    primary key default 1,
    engaged    boolean     not null default false,
    reason     text,
    changed_at timestamptz not null default now(),
    constraint ck_kill_switch_one_row check (id = 1)
);
insert into kill_switch (id, engaged, reason) values (1, false, null);
