/**
 * Payment: the fees' invoices on the e-gov payment gateway (S17), the gateway's signed callbacks, and
 * reconciliation with what the gateway itself says. It owns the {@code payment_invoice} table; the
 * application area asks it through {@link kz.tirkeu.payment.Payments} and learns of a confirmed payment
 * from the {@link kz.tirkeu.payment.PaymentRecorded} event, so that no other area reads its table.
 */
package kz.tirkeu.payment;
