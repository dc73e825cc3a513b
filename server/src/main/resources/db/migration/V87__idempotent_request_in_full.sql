-- Idempotency-Key on every state-changing API call (IdempotencyKeys, one filter instead of a wrapper in each controller).
-- A request claims its key before it is served: a row without a status is "in progress", so a concurrent copy is refused
-- instead of doing the work twice. The whole answer is kept for the replay: its content type and its Location (a 201's).
-- V87: after the partner systems' V85 and V86 on main, so that Flyway keeps the order on existing databases; "if not
-- exists" because databases that ran this branch before have the columns from its first number, 85.1.
alter table idempotent_request alter column status drop not null;
alter table idempotent_request alter column response drop not null;
alter table idempotent_request add column if not exists content_type text;
alter table idempotent_request add column if not exists location text;
