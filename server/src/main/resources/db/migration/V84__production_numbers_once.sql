-- Issue [11]: after the print centre and the plate maker restarted (they forget their counters), a second car got card
-- blank KZ10000001 and plate serials P00000001/P00000002 again, and the platform stored and handed them over. Every
-- blank and every serial production gives belongs to one application; the database refuses a second one.
create table production_number (
    kind               text not null check (kind in ('CERTIFICATE_BLANK', 'PLATE_SERIAL')),
    number             text not null,
    application_number text not null references collection_order (application_number),
    primary key (kind, number)
);

-- What is on record already: the earliest order keeps a number given twice before this check existed.
insert into production_number (kind, number, application_number)
select 'CERTIFICATE_BLANK', certificate_blank_number, application_number from collection_order
 where certificate_blank_number is not null order by ordered_at on conflict do nothing;
insert into production_number (kind, number, application_number)
select 'PLATE_SERIAL', serial, application_number from collection_order, unnest(plate_serials) serial order by ordered_at on conflict do nothing;

create function production_numbers_once() returns trigger language plpgsql as $$
declare
    claim record;
    holder text;
begin
    for claim in
        select 'CERTIFICATE_BLANK' as kind, new.certificate_blank_number as number where new.certificate_blank_number is not null
        union all
        select 'PLATE_SERIAL', serial from unnest(coalesce(new.plate_serials, '{}')) serial
    loop
        -- A concurrent claim of the same number waits here for the other transaction, then sees its row.
        insert into production_number (kind, number, application_number) values (claim.kind, claim.number, new.application_number)
            on conflict do nothing;
        select application_number into holder from production_number where kind = claim.kind and number = claim.number;
        if holder <> new.application_number then
            raise exception '% % was given to application % already', claim.kind, claim.number, holder
                using errcode = 'unique_violation', constraint = 'production_number_pkey';
        end if;
    end loop;
    return new;
end $$;

create trigger collection_order_numbers_once before insert on collection_order
    for each row execute function production_numbers_once();
-- Production's progress is written every round; only a number that changed needs claiming.
create trigger collection_order_numbers_once_on_change before update of certificate_blank_number, plate_serials on collection_order
    for each row when (new.certificate_blank_number is distinct from old.certificate_blank_number or new.plate_serials is distinct from old.plate_serials)
    execute function production_numbers_once();
