-- The single notification point (Digital Code Art. 47): every notice to a person is stored with one
-- delivery per channel, and every change of a delivery's status is kept, so that the platform can show
-- when a notice was delivered and when it was read.

-- What a person chose about being notified. The e-mail address is given voluntarily, so the person may
-- withdraw it (Art. 29); the phone is never kept here, it comes from МБГ when an SMS is sent.
CREATE TABLE recipient_preferences (
    iin            text        PRIMARY KEY CHECK (iin ~ '^[0-9]{12}$'),
    language       text        CHECK (language IN ('kk', 'ru', 'en')),
    email          text        CHECK (email IS NULL OR length(email) BETWEEN 3 AND 254),
    email_given_at timestamptz,
    updated_at     timestamptz NOT NULL,
    CHECK ((email IS NULL) = (email_given_at IS NULL))
);

-- A notice: the template and its values, not rendered text, so that the cabinet shows it in whatever
-- language the person reads in now.
CREATE TABLE notices (
    id                uuid        PRIMARY KEY,
    recipient_iin     text        NOT NULL CHECK (recipient_iin ~ '^[0-9]{12}$'),
    template          text        NOT NULL,
    parameters        jsonb       NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(parameters) = 'object'),
    subject_reference text,
    created_at        timestamptz NOT NULL,
    -- Set once, when the person opens the notice in the cabinet while signed in (Art. 47: properly
    -- delivered when read). Never from e-mail or SMS: no tracking pixels, no tracked links.
    read_at           timestamptz,
    CHECK (read_at IS NULL OR read_at >= created_at)
);

-- The cabinet's inbox: newest first, per person.
CREATE INDEX notices_inbox ON notices (recipient_iin, created_at DESC, id DESC);
CREATE INDEX notices_unread ON notices (recipient_iin) WHERE read_at IS NULL;

-- One delivery of a notice over one channel, or a one-time sign-in code (no notice: the person is not
-- signed in yet, and the code is not a notice to keep).
CREATE TABLE deliveries (
    id                  uuid        PRIMARY KEY,
    notice_id           uuid        REFERENCES notices (id),
    recipient_iin       text        NOT NULL CHECK (recipient_iin ~ '^[0-9]{12}$'),
    purpose             text        NOT NULL CHECK (purpose IN ('NOTICE', 'ONE_TIME_CODE')),
    channel             text        NOT NULL CHECK (channel IN ('INBOX', 'SMS', 'EMAIL')),
    -- Phone (E.164) or e-mail address. NULL for the inbox, for an SMS until МБГ has been asked, and once
    -- the person withdrew a voluntarily given e-mail address.
    address             text,
    -- What was last sent, rendered in the recipient's language. A one-time code is stored redacted.
    content             text,
    status              text        NOT NULL CHECK (status IN ('CREATED', 'SENT', 'DELIVERED', 'FAILED')),
    -- Tries to hand the message to the SMS centre or the SMTP server. A wait for something that is not
    -- the channel's fault (МБГ unavailable, circuit breaker open) is a deferral, not an attempt, so it
    -- can never make a delivery fail.
    attempts            integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    deferrals           integer     NOT NULL DEFAULT 0 CHECK (deferrals >= 0),
    next_attempt_at     timestamptz,
    -- A dispatcher's lease on the delivery while it sends it; another dispatcher may take it over once
    -- the lease has run out (the first one crashed).
    claimed_by          uuid,
    claimed_until       timestamptz,
    -- A one-time code lives only in the memory of the server that was asked to send it: only that
    -- server may retry it, until held_until.
    held_by             uuid,
    held_until          timestamptz,
    provider_message_id text,
    last_error          text,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    sent_at             timestamptz,
    delivered_at        timestamptz,
    failed_at           timestamptz,
    CHECK ((purpose = 'NOTICE') = (notice_id IS NOT NULL)),
    CHECK (purpose = 'NOTICE' OR channel = 'SMS'),
    CHECK (status <> 'CREATED' OR next_attempt_at IS NOT NULL),
    CHECK ((claimed_by IS NULL) = (claimed_until IS NULL)),
    CHECK ((held_by IS NULL) = (held_until IS NULL))
);

CREATE UNIQUE INDEX deliveries_one_per_channel ON deliveries (notice_id, channel) WHERE notice_id IS NOT NULL;
-- The dispatcher's due query: only deliveries still to be sent, oldest due first.
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'CREATED';
-- Withdrawing an e-mail address (Art. 29) finds the person's deliveries.
CREATE INDEX deliveries_recipient ON deliveries (recipient_iin, channel);

-- created -> sent -> delivered | failed; a delivery never leaves delivered or failed. Guarded here so
-- that no code path, present or future, can rewrite what the person was told happened.
CREATE FUNCTION deliveries_guard_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status AND NOT (
           (OLD.status = 'CREATED' AND NEW.status IN ('SENT', 'DELIVERED', 'FAILED'))
        OR (OLD.status = 'SENT' AND NEW.status IN ('DELIVERED', 'FAILED'))) THEN
        RAISE EXCEPTION 'delivery % may not go from % to %', OLD.id, OLD.status, NEW.status
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER deliveries_guard_status BEFORE UPDATE ON deliveries
    FOR EACH ROW EXECUTE FUNCTION deliveries_guard_status();

-- Every status change and every failed attempt of a delivery, with its time and why. Append-only.
CREATE TABLE delivery_history (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id uuid        NOT NULL REFERENCES deliveries (id),
    at          timestamptz NOT NULL,
    from_status text        CHECK (from_status IN ('CREATED', 'SENT', 'DELIVERED', 'FAILED')),
    to_status   text        NOT NULL CHECK (to_status IN ('CREATED', 'SENT', 'DELIVERED', 'FAILED')),
    attempt     integer     NOT NULL,
    detail      text        NOT NULL
);

CREATE INDEX delivery_history_by_delivery ON delivery_history (delivery_id, id);

CREATE FUNCTION delivery_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'delivery_history is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER delivery_history_append_only BEFORE UPDATE OR DELETE ON delivery_history
    FOR EACH ROW EXECUTE FUNCTION delivery_history_append_only();
