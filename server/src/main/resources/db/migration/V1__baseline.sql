-- The start of the schema's history. Each business area adds its tables in later versions
-- (V2__..., V3__...); a version that has been applied anywhere is never edited, only followed.
-- Creating tables in schema public needs its owner's rights anyway (PostgreSQL 15+), so the
-- platform's database role owns it and may comment on it.
COMMENT ON SCHEMA public IS 'Tirkeu: primary registration of new vehicles in Kazakhstan. Managed by Flyway (server/src/main/resources/db/migration).';
