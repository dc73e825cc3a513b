-- Rate limits on one-time codes to typed numbers (issue [7], SMS bombing): the codes a buyer asked for, and an index
-- to count the codes sent to a number. Rows older than the limit's window serve no purpose (purge: issue [7] retention).
create table phone_code_request (
    buyer_iin     char(12)    not null,
    phone         text        not null,
    requested_at  timestamptz not null
);
create index phone_code_request_by_buyer on phone_code_request (buyer_iin, requested_at);
create index deliveries_codes_by_number on deliveries (address, created_at) where purpose = 'ONE_TIME_CODE';

-- Four eyes on overturning an automated refusal (issue [7], when tirkeu.review.four-eyes is on): the first officer's
-- overturn is a proposal, kept here until a second officer confirms it (or anyone upholds the refusal).
alter table application_review add column overturn_proposed_by char(12);
alter table application_review add column overturn_proposed_at timestamptz;
alter table application_review add column overturn_proposed_reason text;
