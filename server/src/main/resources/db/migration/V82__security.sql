-- Rate limits on one-time codes to typed numbers (issue [7], SMS bombing): the codes a buyer asked for, and an index
-- to count the codes sent to a number. Rows older than the limit's window serve no purpose (purge: issue [7] retention).
create table phone_code_request (
    buyer_iin     char(12)    not null,
    phone         text        not null,
    requested_at  timestamptz not null
);
create index phone_code_request_by_buyer on phone_code_request (buyer_iin, requested_at);
create index deliveries_codes_by_number on deliveries (address, created_at) where purpose = 'ONE_TIME_CODE';
