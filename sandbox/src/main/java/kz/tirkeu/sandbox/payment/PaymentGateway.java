package kz.tirkeu.sandbox.payment;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.sandbox.callback.SignedCallbacks;
import kz.tirkeu.sandbox.callback.SignedCallbacks.Callback;
import kz.tirkeu.sandbox.payment.Invoice.Item;
import kz.tirkeu.sandbox.payment.Invoice.Status;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The e-gov payment gateway (ПШЭП / ЭҮТШ, электрондық үкіметтің төлем шлюзі) as the platform meets it
 * at S17: it takes an invoice, shows the payer a page to pay or decline it, and confirms the outcome to
 * the platform with a signed callback, retried while the platform does not answer. It computes no fee:
 * it sums the items it is given.
 *
 * <p>For the scenarios a test of the platform needs: payers whose every payment is declined, a
 * confirmation sent again byte for byte ({@link #replayCallback}), and invoices that expire. Invoices live
 * in memory, the latest {@link Settings#retained()}.
 */
public final class PaymentGateway implements AutoCloseable {

    public static final String SIGNATURE_HEADER = "X-Payment-Signature";

    /**
     * @param callbackSecret  the secret of the confirmations' HMAC, shared with the platform
     * @param decliningPayers IINs whose payments are all declined, as a card without funds would be
     * @param invoiceValidity how long an invoice can be paid
     * @param retained        how many invoices to keep
     * @param retryDelays     the waits before each further attempt to post a confirmation
     */
    public record Settings(String callbackSecret, Set<Iin> decliningPayers, Duration invoiceValidity, int retained,
                           List<Duration> retryDelays) {
        public Settings {
            decliningPayers = Set.copyOf(decliningPayers);
            retryDelays = List.copyOf(retryDelays);
        }

        /** Confirmations retried after 0.5, 1, 2 and 4 s, as the SMS centre's receipts are. */
        public static Settings of(String callbackSecret, Set<Iin> decliningPayers, Duration invoiceValidity) {
            return new Settings(callbackSecret, decliningPayers, invoiceValidity, 100_000,
                    List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)));
        }
    }

    public enum Action { PAY, DECLINE }

    /** @param created false when a pending invoice with the same reference was returned instead */
    public record Raised(Invoice invoice, boolean created) {}

    /** What pressing a button did. */
    public sealed interface Outcome {
        Invoice invoice();

        /** The invoice was pending and is now paid or declined; the confirmation is on its way. */
        record Decided(Invoice invoice) implements Outcome {}

        /** The same button again: nothing changes. */
        record AlreadyDecided(Invoice invoice) implements Outcome {}

        /** Paid, declined the other way, or expired: it cannot be paid or declined now. */
        record NotPending(Invoice invoice) implements Outcome {}
    }

    private final Settings settings;
    private final Clock clock;
    private final SignedCallbacks callbacks;
    /** By id, oldest first. */
    private final Map<String, Invoice> invoices = new LinkedHashMap<>();
    /** The id of the pending invoice of each reference. */
    private final Map<String, String> pendingByReference = new HashMap<>();

    public PaymentGateway(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.callbacks = new SignedCallbacks("payments", settings.retryDelays());
    }

    public Settings settings() {
        return settings;
    }

    /** A new pending invoice, or the pending one the platform already raised under this reference (a retried request). */
    public Raised raise(String reference, Iin payer, List<Item> items, URI callbackUrl, URI returnUrl) {
        long total = 0;
        for (Item item : items) {
            total = Math.addExact(total, item.amountKzt());
        }
        Instant now = clock.instant();
        synchronized (invoices) {
            String pendingId = pendingByReference.get(reference);
            if (pendingId != null) {
                Optional<Invoice> pending = current(pendingId).filter(invoice -> invoice.status() == Status.PENDING);
                if (pending.isPresent()) {
                    return new Raised(pending.get(), false);
                }
            }
            Invoice invoice = new Invoice(UUID.randomUUID().toString(), reference, payer, items, total, callbackUrl, returnUrl,
                    now, now.plus(settings.invoiceValidity()), Status.PENDING, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), 0);
            invoices.put(invoice.id(), invoice);
            pendingByReference.put(reference, invoice.id());
            Iterator<Invoice> oldest = invoices.values().iterator();
            while (invoices.size() > settings.retained()) {
                pendingByReference.remove(oldest.next().reference(), invoice.id());
                oldest.remove();
            }
            return new Raised(invoice, true);
        }
    }

    /** The latest invoices, newest first, brought up to date: for the testers' page. */
    public java.util.List<Invoice> latest(int limit) {
        synchronized (invoices) {
            java.util.List<String> ids = new java.util.ArrayList<>(invoices.keySet());
            java.util.Collections.reverse(ids);
            return ids.stream().limit(limit).map(this::current).flatMap(Optional::stream).toList();
        }
    }

    public Optional<Invoice> find(String id) {
        synchronized (invoices) {
            return current(id);
        }
    }

    /** The payer pressed Pay or Decline. A payer listed as declining is declined either way. */
    public Optional<Outcome> act(String id, Action action) {
        Outcome outcome;
        synchronized (invoices) {
            Optional<Invoice> found = current(id);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Invoice invoice = found.get();
            Status result = action == Action.PAY && !settings.decliningPayers().contains(invoice.payer()) ? Status.PAID : Status.DECLINED;
            if (invoice.status() != Status.PENDING) {
                return Optional.of(invoice.status() == result ? new Outcome.AlreadyDecided(invoice) : new Outcome.NotPending(invoice));
            }
            Instant now = clock.instant();
            String paymentId = "PAY-" + UUID.randomUUID();
            Invoice decided = invoice.decided(result, paymentId, now,
                    Callback.signed(invoice.callbackUrl(), SIGNATURE_HEADER, confirmation(invoice, result, paymentId, now), settings.callbackSecret()));
            invoices.put(id, decided);
            pendingByReference.remove(invoice.reference(), id);
            outcome = new Outcome.Decided(decided);
        }
        post(outcome.invoice());
        return Optional.of(outcome);
    }

    /**
     * A sandbox control: the paid invoice is reversed, so that the platform's registration decision,
     * which asks the gateway again, finds the payment no longer confirmed. Empty when there is no such
     * invoice; the invoice unchanged when it was not paid.
     */
    public Optional<Invoice> refund(String id) {
        synchronized (invoices) {
            Optional<Invoice> found = current(id);
            found.filter(invoice -> invoice.status() == Status.PAID).ifPresent(invoice -> invoices.put(id, invoice.refunded()));
            return current(id);
        }
    }

    /** Posts the last confirmation again, the very same bytes and signature, as a gateway that lost track of the first would. */
    public Optional<Invoice> replayCallback(String id) {
        Optional<Invoice> invoice = find(id);
        invoice.filter(found -> found.lastCallback().isPresent()).ifPresent(this::post);
        return invoice;
    }

    private void post(Invoice invoice) {
        Callback callback = invoice.lastCallback().orElseThrow();
        callbacks.post(callback, "the payment confirmation of invoice " + invoice.id(),
                delivery -> update(invoice.id(), current -> current.withDelivery(delivery)));
    }

    /** The confirmation as the platform reads it; the signature covers exactly these bytes. */
    private static byte[] confirmation(Invoice invoice, Status status, String paymentId, Instant at) {
        ObjectNode body = JsonMapper.shared().createObjectNode();
        body.put("invoiceId", invoice.id());
        body.put("reference", invoice.reference());
        body.put("paymentId", paymentId);
        body.put("status", status.name());
        body.put("amountKzt", invoice.amountKzt());
        body.put("paidAt", at.toString());
        return JsonMapper.shared().writeValueAsBytes(body);
    }

    /** The invoice as it is now: a pending one past its time has expired. Called holding the lock. */
    private Optional<Invoice> current(String id) {
        Invoice invoice = invoices.get(id);
        if (invoice != null && invoice.status() == Status.PENDING && !clock.instant().isBefore(invoice.expiresAt())) {
            invoice = invoice.expired();
            invoices.put(id, invoice);
            pendingByReference.remove(invoice.reference(), id);
        }
        return Optional.ofNullable(invoice);
    }

    private void update(String id, UnaryOperator<Invoice> change) {
        synchronized (invoices) {
            Invoice current = invoices.get(id);
            if (current != null) {
                invoices.put(id, change.apply(current));
            }
        }
    }

    @Override
    public void close() {
        callbacks.close();
    }
}
