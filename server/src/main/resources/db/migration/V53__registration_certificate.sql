-- Registration certificates (СРТС) the platform issued at S19. Numbers come from one sequence, so they are
-- unique across series too; a number drawn by a server that then lost the race for the same application
-- is never used (a gap, as with spoiled blank forms), because the certificate must be signed before it
-- is stored and signing happens outside any transaction.
create sequence registration_certificate_number_seq minvalue 1 maxvalue 99999999 no cycle;

create table registration_certificate (
    series              text        not null check (series ~ '^[A-Z]{2}$'),
    number              text        not null check (number ~ '^[0-9]{8}$'),
    -- one certificate per application, however many servers decide it at once
    application_number  text        not null unique,
    -- the code of the public page /verify/{code}: random, 128 bits, base64url
    verification_code   text        not null unique check (verification_code ~ '^[A-Za-z0-9_-]{22,}$'),
    owner_iin           char(12)    not null,
    plate_number        text        not null,
    make                text        not null,
    model               text        not null,
    vehicle_year        int         not null,
    issuing_unit        text        not null,
    issued_at           timestamptz not null,
    -- the signed digital document (.p7m, CAdES-T over RFC 8785 JSON, revocation evidence inside), as issued
    document            bytea       not null,
    status              text        not null default 'VALID' check (status in ('VALID', 'ANNULLED', 'REPLACED')),
    status_reason       text,
    status_changed_at   timestamptz,
    primary key (series, number),
    check ((status = 'VALID') = (status_changed_at is null))
);
create unique index registration_certificate_number on registration_certificate (number);
create index registration_certificate_owner on registration_certificate (owner_iin, issued_at desc);
