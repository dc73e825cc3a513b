-- The retention purge (issue [7]) finds what is past its period by these, without reading whole tables.
create index session_by_sign_in on session (sign_in_attempt_id);
create index session_by_start on session (created_at);
create index sign_in_attempt_by_code_expiry on sign_in_attempt (code_expires_at);
create index idempotent_request_by_age on idempotent_request (created_at);
create index phone_code_request_by_age on phone_code_request (requested_at);
