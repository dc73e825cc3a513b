-- Plate numbers (ГРНЗ) that are taken in a region: given at registration (ALLOCATED), or kept out of
-- allocation while the server runs (STORED: a plate an owner put into storage; RESERVED: held for another
-- reason). One row per number, so the database itself guarantees "one plate number per region"
-- (ARCHITECTURE.md §3) whatever number of servers allocate at once, and a plate stored after the
-- allocator computed it is never given out twice: one insert wins, the other moves on.
create table plate_number (
    region_code        text        not null check (region_code ~ '^[0-9]{2}$'),
    -- the designation as printed, '123 ABC 02'
    number             text        not null check (number ~ '^[0-9]{3} [A-Z]{3} [0-9]{2}$'),
    status             text        not null check (status in ('ALLOCATED', 'STORED', 'RESERVED')),
    -- the application the plate was given for; a retried registration decision finds it here
    application_number text        unique,
    -- the allocator's position in the region's sequence (PlateNumberSequence), for audit
    sequence_position  bigint,
    recorded_at        timestamptz not null,
    note               text,
    primary key (region_code, number),
    check (right(number, 2) = region_code),
    check ((status = 'ALLOCATED') = (application_number is not null and sequence_position is not null))
);

-- The next position of each region's sequence. Advancing it is a one-row UPDATE ... RETURNING in its own
-- tiny transaction, so its row lock is held only for that statement and allocators in different regions
-- never wait for one another.
create table plate_counter (
    region_code   text   primary key check (region_code ~ '^[0-9]{2}$'),
    next_position bigint not null check (next_position >= 0)
);
