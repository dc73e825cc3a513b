-- The vehicle register (issue 4): one record per VIN — the database refuses a second registration of
-- a vehicle — with its owner, its data from ЭПТС, its plate and certificate; and the history of
-- operations on it, append-only like the application's action log.
create table vehicle_registration (
    vin                 char(17)    primary key,
    owner_iin           char(12)    not null,
    owner_name          text        not null,
    vehicle             jsonb       not null,
    plate_number        text        not null,
    region              char(2)     not null,
    certificate_number  text        not null,
    application_number  text        not null unique,
    registered_at       timestamptz not null,
    registered_by       text        not null
);
create unique index vehicle_registration_plate on vehicle_registration (region, plate_number);
create index vehicle_registration_by_owner on vehicle_registration (owner_iin);
-- Plates are searched as people type them: without spaces, in capitals.
create index vehicle_registration_by_plate on vehicle_registration (replace(plate_number, ' ', ''));

create table vehicle_register_operation (
    vin         char(17)    not null references vehicle_registration (vin),
    seq         int         not null,
    at          timestamptz not null,
    operation   text        not null,
    actor_iin   char(12),
    detail      jsonb       not null default '{}'::jsonb,
    primary key (vin, seq)
);

create function vehicle_register_operation_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the vehicle register''s history is append-only';
end $$;
create trigger vehicle_register_operation_no_change before update or delete on vehicle_register_operation
    for each row execute function vehicle_register_operation_append_only();
