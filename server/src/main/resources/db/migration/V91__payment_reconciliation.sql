-- Reconciliation (kz.tirkeu.payment.PaymentReconciliation): a pending invoice whose callback has not come is asked
-- about at the gateway; checked_at says when it last was, so that each is asked at most once per interval.
alter table payment_invoice add column checked_at timestamptz;
create index payment_invoice_pending on payment_invoice (created_at) where status = 'PENDING';
