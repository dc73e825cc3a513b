-- The buyer's steps S15–S18 (issue 3).

-- S15: where the documents are collected and which plates.
create table application_choice (
    application_id  uuid primary key references application (id),
    psc_code        text        not null,
    psc_region      char(2)     not null,
    plate_type      text        not null,
    chosen_at       timestamptz not null
);

-- S16: the buyer's phone — from МБГ, or entered and confirmed by an SMS code. A number the buyer typed
-- is data given voluntarily (Digital Code Art. 29) and is kept only here, where it can be erased.
create table buyer_phone (
    application_id   uuid primary key references application (id),
    phone            text        not null,
    source           text        not null check (source in ('MBG', 'BUYER')),
    code_hash        bytea,
    code_expires_at  timestamptz,
    wrong_codes      int         not null default 0,
    confirmed_at     timestamptz
);

-- S17: invoices of the e-gov payment gateway; a payment counts once, by the gateway's payment id.
create table application_payment (
    invoice_id        text primary key,
    application_id    uuid        not null references application (id),
    amount_kzt        bigint      not null,
    items             jsonb       not null,
    payment_page_url  text        not null,
    status            text        not null,
    payment_id        text unique,
    paid_at           timestamptz,
    created_at        timestamptz not null
);
create index application_payment_by_application on application_payment (application_id, created_at desc);
