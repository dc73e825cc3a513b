-- S19 and human review (issue 4). A police case is an application in a region's police queue: a
-- registration decision to take, or an automated refusal to review (Digital Code Art. 39). The same
-- row is the automatic decision's durable work item (due_at, claimed_until) and the officers'
-- assignment lock (officer_iin): whoever holds it decides; the platform decides only unassigned cases.
create table police_case (
    application_id  uuid        primary key references application (id),
    kind            text        not null check (kind in ('DECISION', 'REVIEW')),
    -- The region whose administrative police decide; null when nothing ties the case to one yet
    -- (a refusal before the buyer chose a PSC and without a registered address): every region sees it.
    region          char(2),
    opened_at       timestamptz not null,
    due_at          timestamptz not null,
    attempts        int         not null default 0,
    claimed_until   timestamptz,
    -- Review: when the person must have an answer by.
    deadline        timestamptz,
    officer_iin     char(12),
    assigned_at     timestamptz,
    closed_at       timestamptz
);
create index police_case_open on police_case (region, kind, opened_at) where closed_at is null;
create index police_case_due on police_case (due_at) where closed_at is null and officer_iin is null;

-- Reviews asked for, and how they ended; one open review per application.
create table application_review (
    id              uuid        primary key,
    application_id  uuid        not null references application (id),
    refusal_code    text        not null,
    refused_step    text        not null,
    phase           text        not null check (phase in ('SELLER', 'BUYER', 'DECISION')),
    requested_by    char(12)    not null,
    requested_as    text        not null check (requested_as in ('SELLER', 'BUYER')),
    comment         text        not null,
    requested_at    timestamptz not null,
    deadline        timestamptz not null,
    outcome         text        check (outcome in ('UPHELD', 'OVERTURNED')),
    reason          text,
    decided_by      char(12),
    decided_at      timestamptz
);
create unique index application_review_one_open on application_review (application_id) where outcome is null;
-- An overturned refusal is waived when the refused step runs again, for this application only.
create index application_review_waivers on application_review (application_id) where outcome = 'OVERTURNED';
