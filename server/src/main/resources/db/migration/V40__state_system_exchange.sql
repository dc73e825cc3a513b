-- Every request to a state system (ARCHITECTURE.md: statesystems keep an exchange log). Bodies are not
-- kept (personal data); their SHA-256 digests are, so evidence can be tied to the answer it came from.
create table state_system_exchange (
    request_id       uuid primary key,
    system           text        not null,
    -- the path asked (or, when no answer came, why not)
    path             text        not null,
    requested_at     timestamptz not null,
    duration_ms      bigint      not null,
    http_status      int         not null,
    outcome          text        not null check (outcome in ('FOUND', 'NOT_FOUND', 'UNAVAILABLE')),
    response_digest  text        not null,
    correlation_id   text
);
create index state_system_exchange_recent on state_system_exchange (system, requested_at desc);
