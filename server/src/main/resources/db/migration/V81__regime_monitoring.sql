-- Monitoring and evaluation of experimental legal regimes (Digital Code Art. 54; issue [6] point 5).

-- The periodic reports of admitted dealers: the canonical JSON their head signed, the CAdES signature and what its
-- check found. A correction is a new report; the latest of a dealer for a period is the one that counts.
create table regime_dealer_report (
    id              uuid primary key,
    regime_code     text        not null references regime (code),
    dealer_bin      char(12)    not null,
    period_from     date        not null,
    period_to       date        not null check (period_to >= period_from),
    content         bytea       not null,
    content_digest  text        not null unique,
    signature       bytea       not null,
    -- The head who signed: an individual, so never published; the authorised body and auditors read it.
    signer_iin      char(12)    not null,
    submitted_at    timestamptz not null,
    report          jsonb       not null
);
create index regime_dealer_report_by_regime on regime_dealer_report (regime_code, period_to, dealer_bin);

-- The evaluation reports the platform issues to the authorised body: the canonical JSON and the same bytes sealed
-- with the platform's key (CAdES with a time-stamp and revocation data, like the registration certificate).
create sequence regime_evaluation_seq;
create table regime_evaluation (
    number          text        primary key,
    regime_code     text        not null references regime (code),
    period_from     date        not null,
    period_to       date        not null check (period_to >= period_from),
    content         bytea       not null,
    sealed          bytea       not null,
    issued_at       timestamptz not null
);
create index regime_evaluation_by_regime on regime_evaluation (regime_code, issued_at desc);

create trigger regime_dealer_report_no_change before update or delete on regime_dealer_report
    for each row execute function regime_record_append_only();
create trigger regime_evaluation_no_change before update or delete on regime_evaluation
    for each row execute function regime_record_append_only();

-- Monitoring counts the notices about a regime's applications by their subject (the application number).
create index notices_by_subject on notices (subject_reference, created_at);

-- Attempts refused at S1 because of the regime itself (its term, status, subjects, channel): no application is
-- created for them, so the action log never sees them; monitoring counts them from here. Dealers only (BINs).
create table regime_refusal (
    id           bigserial   primary key,
    regime_code  text        references regime (code),
    code         text        not null,
    rule         text,
    seller_bin   char(12)    not null,
    channel      text        not null,
    at           timestamptz not null
);
create index regime_refusal_by_regime on regime_refusal (regime_code, at);
