-- Reception (P8) finds a person's documents at the PSC by who they are, without the application number.
create index collection_order_owner on collection_order (owner_iin, psc_code);
