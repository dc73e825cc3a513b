-- The application of the pilot algorithm (issue 3). The action log is the source of truth; the status
-- column is its latest entry's status, kept here in the same transaction for queries and for the rule
-- "one open application per VIN", which the database enforces.
create sequence application_number_seq;

create table application (
    id               uuid primary key,
    number           text        not null unique,
    process_version  text        not null,
    vin              char(17)    not null,
    seller_bin       char(12)    not null,
    seller_iin       char(12)    not null,
    buyer_iin        char(12)    not null,
    status           text        not null,
    buyer_deadline   timestamptz,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
create unique index application_one_open_per_vin on application (vin)
    where status not in ('REFUSED', 'DECLINED', 'EXPIRED');
create index application_by_seller on application (seller_bin, created_at desc);
create index application_by_buyer on application (buyer_iin, created_at desc);

-- Append-only: who did what, when, at which step, on which evidence, and the status it led to.
create table application_action (
    application_id  uuid        not null references application (id),
    seq             int         not null,
    at              timestamptz not null,
    actor           text        not null,
    actor_iin       char(12),
    action          text        not null,
    step            text,
    status          text        not null,
    detail          jsonb       not null default '{}'::jsonb,
    evidence        jsonb,
    primary key (application_id, seq)
);

create function application_action_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the application action log is append-only';
end $$;
create trigger application_action_no_change before update or delete on application_action
    for each row execute function application_action_append_only();

-- A phase of checks waiting for a state system: asked again when due (durable, cluster-safe).
create table application_retry (
    application_id  uuid primary key references application (id),
    phase           text        not null,
    due_at          timestamptz not null,
    attempts        int         not null,
    claimed_until   timestamptz
);
create index application_retry_due on application_retry (due_at);

-- The statements people signed (S9 seller, S18 buyer): the exact bytes and the CMS, and the validation.
create table signed_statement (
    application_id  uuid        not null references application (id),
    party           text        not null check (party in ('SELLER', 'BUYER')),
    content         bytea       not null,
    signature       bytea       not null,
    signer_iin      char(12)    not null,
    signed_at       timestamptz not null,
    report          jsonb       not null,
    primary key (application_id, party)
);

-- Repeated POSTs with the same Idempotency-Key get the first answer.
create table idempotent_request (
    key             text        not null,
    caller          text        not null,
    request_digest  text        not null,
    status          int         not null,
    response        text        not null,
    created_at      timestamptz not null,
    primary key (caller, key)
);
