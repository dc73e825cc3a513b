-- Reception (P8) finds a person's documents at the PSC by who they are, without the application number.
create index collection_order_owner on collection_order (owner_iin, psc_code);

-- The PSC's list shows what is still to be handed over and the latest handovers, not the PSC's whole history.
create index collection_order_psc_handed_over on collection_order (psc_code, handed_over_at desc) where handed_over_at is not null;
create index collection_order_psc_open on collection_order (psc_code, ordered_at desc) where handed_over_at is null;
