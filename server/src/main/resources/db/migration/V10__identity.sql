-- People signing in (issue 2): EDS challenges, the second factor, sessions, and roles with their grants.

-- A random challenge the person signs with their AUTH key. consumed_at makes it single-use: the
-- sign-in that consumes it is the only one it can ever serve (no replay).
create table sign_in_challenge (
    id            uuid primary key,
    data_to_sign  bytea       not null,
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    consumed_at   timestamptz
);
create index sign_in_challenge_expiry on sign_in_challenge (expires_at);

-- A sign-in whose EDS step passed and whose second factor is awaited.
create table sign_in_attempt (
    id                  uuid primary key,
    challenge_id        uuid        not null unique references sign_in_challenge (id),
    iin                 char(12)    not null,
    bin                 char(12),
    person_name         text        not null,
    certificate_kind    text        not null check (certificate_kind in ('INDIVIDUAL', 'LEGAL_ENTITY_EMPLOYEE')),
    certificate_roles   text[]      not null,
    certificate_serial  text        not null,
    second_factor       text        not null check (second_factor in ('SMS', 'TOTP')),
    -- SHA-256 of the attempt id and the SMS code; the code itself is never stored.
    code_hash           bytea,
    code_sent_to        text,
    code_expires_at     timestamptz not null,
    created_at          timestamptz not null,
    completed_at        timestamptz
);

-- Wrong second-factor codes per person, across attempts: a new challenge does not reset the count.
create table second_factor_lock (
    iin            char(12) primary key,
    wrong_codes    int         not null,
    last_wrong_at  timestamptz not null,
    locked_until   timestamptz
);

-- Staff who enrolled an authenticator app (RFC 6238). last_used_step stops a code from being used twice.
create table totp_enrolment (
    iin             char(12) primary key,
    secret          bytea       not null,
    created_at      timestamptz not null,
    confirmed_at    timestamptz,
    last_used_step  bigint
);

-- Sessions live here, not in server memory, so any instance serves any request. Only a hash of the
-- token is kept: a leaked table opens no session.
create table session (
    id                  uuid primary key,
    token_hash          bytea       not null unique,
    kind                text        not null check (kind in ('COOKIE', 'BEARER')),
    iin                 char(12)    not null,
    bin                 char(12),
    person_name         text        not null,
    certificate_kind    text        not null,
    certificate_roles   text[]      not null,
    sign_in_attempt_id  uuid        not null references sign_in_attempt (id),
    created_at          timestamptz not null,
    last_seen_at        timestamptz not null,
    idle_timeout_seconds int        not null,
    expires_at          timestamptz not null,
    ended_at            timestamptz,
    end_reason          text
);
create index session_by_person on session (iin) where ended_at is null;

-- Staff roles granted by an administrator. Rows are never deleted: a withdrawal fills withdrawn_*,
-- so the table is the record of every grant (who, when, why).
create table role_grant (
    id                 uuid primary key,
    iin                char(12)    not null,
    role               text        not null check (role in ('PSC_OPERATOR', 'POLICE_OFFICER', 'AUDITOR', 'ADMIN')),
    -- PSC_OPERATOR: the PSC's code; POLICE_OFFICER: the two-digit region code; otherwise empty.
    scope              text        not null default '',
    granted_by         text        not null,
    granted_at         timestamptz not null,
    reason             text        not null,
    withdrawn_by       text,
    withdrawn_at       timestamptz,
    withdrawal_reason  text
);
create unique index role_grant_active on role_grant (iin, role, scope) where withdrawn_at is null;

-- A legal entity's head may restrict which employees act as sellers. No row: every employee may.
create table seller_policy (
    bin         char(12) primary key,
    restricted  boolean     not null,
    changed_by  char(12)    not null,
    changed_at  timestamptz not null
);

create table seller_authorisation (
    id            uuid primary key,
    bin           char(12)    not null,
    iin           char(12)    not null,
    granted_by    char(12)    not null,
    granted_at    timestamptz not null,
    withdrawn_by  char(12),
    withdrawn_at  timestamptz
);
create unique index seller_authorisation_active on seller_authorisation (bin, iin) where withdrawn_at is null;
