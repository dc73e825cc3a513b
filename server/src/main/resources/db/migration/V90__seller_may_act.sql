-- Who may act for a dealer (SellerAccess, kz.tirkeu.identity.access): its rule, next to its tables, once. A session's
-- authentication asks it in the same query that reads the session (Sessions), so a restriction or a withdrawn
-- authorisation takes effect at the next request without a second round trip.
--   Any employee may act, unless the organisation's first head restricted it to the employees listed; the first head
--   (FIRST_HEAD in the signing certificate) always may; a person signed in without an organisation is no seller at all.
create function seller_may_act(organisation bpchar, person bpchar, certificate_roles text[]) returns boolean
    language sql stable as $$
    select organisation is null
        or 'FIRST_HEAD' = any (certificate_roles)
        or not exists (select 1 from seller_policy p where p.bin = organisation and p.restricted)
        or exists (select 1 from seller_authorisation a where a.bin = organisation and a.iin = person and a.withdrawn_at is null)
$$;
