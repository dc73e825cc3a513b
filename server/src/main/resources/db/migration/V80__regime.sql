-- The experimental legal regimes the platform runs under (Digital Code ch. 8; issue [6]). Nothing here is
-- ever overwritten: a modification is a new version, a decision a new row; both tables refuse UPDATE and DELETE.
create table regime (
    code        text primary key,
    -- Test data of the sandbox: no legal force, shown as such on every page that names it.
    sandbox     boolean     not null,
    created_at  timestamptz not null
);

-- Every version of a regime's parameters (names, legal basis, goals, special rules, term, territory,
-- subjects, risk analysis, what counterparties are told) as one JSON document.
create table regime_version (
    regime_code  text        not null references regime (code),
    version      int         not null check (version >= 1),
    parameters   jsonb       not null,
    recorded_at  timestamptz not null,
    primary key (regime_code, version)
);

-- The lifecycle decisions, each with its legal basis and who recorded it. Decisions recorded through the
-- platform carry the official's CAdES signature over the canonical JSON in `content`; the acts recorded from
-- their official publication at installation (the real pilot) and the sandbox's own regime carry none and say so.
create table regime_decision (
    id             uuid primary key,
    regime_code    text        not null references regime (code),
    seq            int         not null,
    kind           text        not null,
    -- The version of the parameters the regime has after this decision.
    version        int         not null,
    effective_at   timestamptz not null,
    recorded_at    timestamptz not null,
    recorded_by    text        not null,
    recorded_by_iin char(12),
    content        bytea       not null,
    content_digest text        not null unique,
    signature      bytea,
    report         jsonb,
    unique (regime_code, seq),
    foreign key (regime_code, version) references regime_version (regime_code, version)
);

create function regime_record_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the regime register is append-only: record a new version or decision instead';
end $$;
create trigger regime_version_no_change before update or delete on regime_version
    for each row execute function regime_record_append_only();
create trigger regime_decision_no_change before update or delete on regime_decision
    for each row execute function regime_record_append_only();

-- The regime (and its version) an application was started under, and the version of the regime's text
-- the buyer was shown before agreeing (Art. 52(3)).
alter table application add column regime_code text references regime (code);
alter table application add column regime_version int;
create index application_by_regime on application (regime_code, created_at);

-- Officials of the body authorised for a regime record its decisions: a staff role granted like the others.
alter table role_grant drop constraint role_grant_role_check;
alter table role_grant add constraint role_grant_role_check
    check (role in ('PSC_OPERATOR', 'POLICE_OFFICER', 'AUDITOR', 'REGIME_AUTHORITY', 'ADMIN'));
