-- The payment area owns the invoices (kz.tirkeu.payment): the table is renamed to say so, and keeps the application's
-- number the gateway repeats in its callback (reference), so that the payment area never reads the application's table.
alter table application_payment rename to payment_invoice;
alter index application_payment_by_application rename to payment_invoice_by_application;
alter table payment_invoice add column reference text;
update payment_invoice p set reference = a.number from application a where a.id = p.application_id;
alter table payment_invoice alter column reference set not null;
alter table payment_invoice rename constraint application_payment_pkey to payment_invoice_pkey;
alter table payment_invoice rename constraint application_payment_payment_id_key to payment_invoice_payment_id_key;
alter table payment_invoice rename constraint application_payment_application_id_fkey to payment_invoice_application_id_fkey;
