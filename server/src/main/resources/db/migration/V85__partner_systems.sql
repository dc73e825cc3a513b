-- Issue [11] point 3: partner systems (dealer systems, bank apps) as OAuth 2 machine clients (docs/PARTNERS.md).

-- A registered partner system: its organisation, its system certificate (from an accredited CA; its key signs the
-- client assertions), its request budget and where its webhooks may go. Disabled, it gets no token and its tokens stop.
create table partner_client (
    client_id           text        primary key check (client_id ~ '^[a-z0-9][a-z0-9-]{2,63}$'),
    bin                 char(12)    not null,
    name                text        not null,
    certificate_pem     text        not null,
    certificate_serial  text        not null,
    requests_per_minute int         not null check (requests_per_minute between 1 and 100000),
    webhook_url_prefix  text,
    registered_at       timestamptz not null,
    registered_by       char(12),
    disabled_at         timestamptz,
    disabled_by         char(12)
);

-- RFC 7523 §3: a client assertion's jti is accepted once. Kept until the assertion itself expires (then its exp refuses it).
create table partner_assertion (
    client_id   text        not null references partner_client (client_id),
    jti         text        not null,
    expires_at  timestamptz not null,
    primary key (client_id, jti)
);

-- Short-lived access tokens; only their SHA-256 is stored, as for sessions.
create table partner_access_token (
    token_hash  bytea       primary key,
    client_id   text        not null references partner_client (client_id),
    issued_at   timestamptz not null,
    expires_at  timestamptz not null
);
create index partner_access_token_expiry on partner_access_token (expires_at);

-- A session opened through a partner is usable only with that partner's access token (identity's Sessions).
alter table session add column partner_client_id text references partner_client (client_id);

-- Every call a partner makes, under the system and under the person it acted for.
create table partner_call (
    id             bigserial   primary key,
    client_id      text        not null references partner_client (client_id),
    person_iin     char(12),
    method         text        not null,
    path_template  text        not null,
    status         int         not null,
    at             timestamptz not null
);
create index partner_call_by_client on partner_call (client_id, at desc);
create index partner_call_by_person on partner_call (person_iin, at desc) where person_iin is not null;

-- A person's act through a partner names the partner in the application's action log.
alter table application_action add column via_partner text;
