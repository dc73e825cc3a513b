package kz.tirkeu.payment;

import kz.tirkeu.platform.CannotServe;

/**
 * A payment callback that cannot be counted, with a stable code: not signed with the gateway's secret, for an invoice
 * not on record, contradicting the invoice or what the gateway itself confirms, or not confirmable now. Nothing is
 * recorded; the web layer tells the gateway with the status that fits the reason (a 5xx makes it send the callback again).
 */
public class PaymentRefused extends CannotServe {

    PaymentRefused(String code, Reason reason, String message, Object... arguments) {
        super(code, reason, message, arguments);
    }
}
