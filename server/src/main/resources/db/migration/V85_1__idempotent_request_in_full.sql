-- Idempotency-Key on every state-changing API call (IdempotencyKeys, one filter instead of a wrapper in each controller).
-- A request claims its key before it is served: a row without a status is "in progress", so a concurrent copy is refused
-- instead of doing the work twice. The whole answer is kept for the replay: its content type and its Location (a 201's).
-- (Version 85.1, not 86: leaves 85 free for work in progress on other branches.)
alter table idempotent_request alter column status drop not null;
alter table idempotent_request alter column response drop not null;
alter table idempotent_request add column content_type text;
alter table idempotent_request add column location text;
