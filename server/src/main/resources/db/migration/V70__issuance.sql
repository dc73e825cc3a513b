-- Chapter 2 of the pilot (P7–P10): what the buyer collects at the PSC. One row per application: the
-- certificate on its way through the print centre (ИПЦ), the plates through the plate maker, then
-- reception (a queue ticket) and the handover. The row is also the production worker's queue: a due
-- row is claimed with FOR UPDATE SKIP LOCKED, so any number of servers share the work and none is lost.
create table collection_order (
    application_number      text        primary key,
    owner_iin               text        not null,
    owner_name              text        not null,
    vin                     text        not null,
    psc_code                text        not null,
    plate_number            text        not null,
    plate_type              text        not null,
    certificate_number      text        not null unique,
    ordered_at              timestamptz not null,
    -- AWAITING_SUBMISSION until the print centre has taken the job
    certificate_status      text        not null default 'AWAITING_SUBMISSION'
        check (certificate_status in ('AWAITING_SUBMISSION', 'QUEUED', 'PRINTED', 'DELIVERED_TO_PSC')),
    print_job_id            text,
    certificate_blank_number text,
    plates_status           text        not null default 'AWAITING_SUBMISSION'
        check (plates_status in ('AWAITING_SUBMISSION', 'ORDERED', 'MADE', 'AT_PSC')),
    plate_order_id          text,
    plate_serials           text[]      not null default '{}',
    -- DocumentsReady: both at the PSC and the buyer told
    ready_at                timestamptz,
    -- the production worker: when to look next, how often it failed in a row, whose it is for now
    next_check_at           timestamptz,
    failed_attempts         int         not null default 0,
    last_problem            text,
    claimed_until           timestamptz,
    -- P8: reception
    queue_ticket            text,
    ticket_issued_at        timestamptz,
    -- P9–P10: handover
    handed_over_at          timestamptz,
    handed_over_by          text,
    handed_over_plate_serials text[],
    handed_over_blank_number text,
    check (ready_at is not null or handed_over_at is null)
);
create index collection_order_due on collection_order (next_check_at) where next_check_at is not null;
create index collection_order_psc on collection_order (psc_code, ordered_at);

-- Electronic queue tickets, numbered per PSC per (local) day: R-001, R-002, …
create table psc_queue_counter (
    psc_code    text not null,
    day         date not null,
    last_number int  not null,
    primary key (psc_code, day)
);
