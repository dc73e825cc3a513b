-- Issue [11] point 4: webhooks of partner systems — status changes of the applications a partner may see, signed,
-- retried with backoff, in order per application, logged, replayable (docs/PARTNERS.md §6).

-- The applications a partner may follow: those a person started or acted on through it.
create table partner_application (
    client_id       text        not null references partner_client (client_id),
    application_id  uuid        not null references application (id),
    since           timestamptz not null,
    primary key (client_id, application_id)
);
create index partner_application_by_application on partner_application (application_id);

-- A partner's subscription: where to deliver, and the HMAC secret of the signature (shown to the partner once; kept
-- here because signing needs it).
create table partner_webhook (
    id          uuid        primary key,
    client_id   text        not null references partner_client (client_id),
    url         text        not null,
    secret      text        not null,
    created_at  timestamptz not null,
    ended_at    timestamptz
);
create unique index partner_webhook_one_live_per_url on partner_webhook (client_id, url) where ended_at is null;

-- The durable queue of deliveries, as the notification point's (claimed under a lease with FOR UPDATE SKIP LOCKED).
-- position orders the deliveries of one application to one webhook: a later one waits until the earlier is DELIVERED
-- or FAILED (given up). A replay is a new delivery of the same event (same event_id).
create table partner_webhook_delivery (
    id                  uuid        primary key,
    position            bigserial   not null unique,
    event_id            uuid        not null,
    webhook_id          uuid        not null references partner_webhook (id),
    client_id           text        not null references partner_client (client_id),
    application_id      uuid        not null references application (id),
    application_number  text        not null,
    payload             text        not null,
    status              text        not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    replay_of           uuid        references partner_webhook_delivery (id),
    attempts            int         not null default 0,
    deferrals           int         not null default 0,
    next_attempt_at     timestamptz,
    claimed_by          uuid,
    claimed_until       timestamptz,
    last_error          text,
    created_at          timestamptz not null,
    delivered_at        timestamptz,
    failed_at           timestamptz
);
create index partner_webhook_delivery_due on partner_webhook_delivery (next_attempt_at) where status = 'PENDING';
create index partner_webhook_delivery_order on partner_webhook_delivery (webhook_id, application_id, position) where status = 'PENDING';
create index partner_webhook_delivery_by_client on partner_webhook_delivery (client_id, created_at desc);
create index partner_webhook_delivery_by_event on partner_webhook_delivery (event_id);

-- Every attempt, as the partner's delivery log shows it.
create table partner_webhook_attempt (
    delivery_id  uuid        not null references partner_webhook_delivery (id),
    attempt      int         not null,
    at           timestamptz not null,
    http_status  int,
    outcome      text        not null check (outcome in ('DELIVERED', 'FAILED', 'GAVE_UP')),
    detail       text,
    primary key (delivery_id, attempt)
);
