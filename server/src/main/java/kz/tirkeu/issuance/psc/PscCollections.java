package kz.tirkeu.issuance.psc;

import kz.tirkeu.platform.CannotServe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.issuance.CollectionRecord;
import kz.tirkeu.issuance.CollectionTable;
import kz.tirkeu.issuance.IssuanceEvent;
import kz.tirkeu.issuance.IssuanceProperties;
import kz.tirkeu.pki.identity.Iin;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The PSC's side of chapter 2: the collections it expects (P7), reception with an electronic queue
 * ticket (P8), and the handover (P9–P10). An operator acts only for the PSC their role is scoped to.
 */
@Service
public class PscCollections {

    static final Set<String> STATUSES = Set.of("IN_PRODUCTION", "READY", "HANDED_OVER");
    /** Handovers stay in the default list this long, then only under the HANDED_OVER filter. */
    static final Duration HANDED_OVER_KEPT_IN_VIEW = Duration.ofDays(7);
    /** The HANDED_OVER filter shows the latest this many. */
    static final int HANDED_OVER_SHOWN = 200;

    private final CollectionTable table;
    private final BuyerIdentity identity;
    private final JdbcClient db;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final IssuanceProperties properties;

    PscCollections(CollectionTable table, BuyerIdentity identity, JdbcClient db, TransactionTemplate transaction, ApplicationEventPublisher events,
                   Clock clock, IssuanceProperties properties) {
        this.table = table;
        this.identity = identity;
        this.db = db;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * The PSC's list: everything in production or waiting, and the last week's handovers; with status HANDED_OVER the
     * latest {@value #HANDED_OVER_SHOWN} handovers.
     *
     * @param status one of {@link #STATUSES}, or null for all; @param overdue only the overdue ones when true
     */
    public List<CollectionView> expected(SignedInPerson operator, String pscCode, String status, Boolean overdue) {
        ownPsc(operator, pscCode);
        if (status != null && !STATUSES.contains(status.toUpperCase(Locale.ROOT))) {
            throw new CannotServe("STATUS_UNKNOWN", CannotServe.Reason.INVALID, "status is one of " + STATUSES + ", not '" + status + "'.", STATUSES.toString(), status);
        }
        Instant now = clock.instant();
        boolean handedOver = "HANDED_OVER".equalsIgnoreCase(status);
        List<CollectionRecord> records = handedOver ? table.handedOverAtPsc(pscCode, HANDED_OVER_SHOWN)
                : table.openAtPsc(pscCode, now.minus(HANDED_OVER_KEPT_IN_VIEW));
        return records.stream().map(record -> view(record, now))
                .filter(view -> status == null || view.status().equals(status.toUpperCase(Locale.ROOT)))
                .filter(view -> overdue == null || view.overdue() == overdue)
                .toList();
    }

    public CollectionView find(SignedInPerson operator, String pscCode, String applicationNumber) {
        ownPsc(operator, pscCode);
        return view(record(pscCode, applicationNumber), clock.instant());
    }

    /**
     * P8: the person's identity checked, a queue ticket issued for every application of theirs whose documents
     * wait at this PSC (the same ticket again on the same day). The application number is not needed at
     * reception (the order asks for it at the issuance desk, P9); when given, only that application is meant.
     */
    Reception receive(SignedInPerson operator, String pscCode, String applicationNumber, BuyerIdentity.Proof proof) {
        ownPsc(operator, pscCode);
        List<CollectionRecord> waiting;
        String checkedBy;
        if (applicationNumber != null && !applicationNumber.isBlank()) {
            CollectionRecord record = collectable(pscCode, applicationNumber.strip());
            checkedBy = identity.check(record.order(), proof);
            waiting = List.of(record);
        } else {
            BuyerIdentity.Identified person = identity.identify(proof);
            checkedBy = person.checkedBy();
            waiting = waitingFor(pscCode, person.iin());
        }
        List<String> numbers = waiting.stream().map(record -> record.order().applicationNumber()).toList();
        return transaction.execute(status -> {
            Instant now = clock.instant();
            LocalDate today = LocalDate.ofInstant(now, BuyerIdentity.KAZAKHSTAN);
            List<CollectionRecord> current = table.lockAll(numbers).stream().map(PscCollections::collectable).toList();
            String ticket = current.stream().filter(record -> ticketOf(record, today)).findFirst().flatMap(CollectionRecord::queueTicket)
                    .orElseGet(() -> nextTicket(pscCode, today));
            List<String> ticketless = current.stream().filter(record -> !ticketOf(record, today)).map(record -> record.order().applicationNumber()).toList();
            db.sql("update collection_order set queue_ticket = ?, ticket_issued_at = ? where application_number = any(?)")
                    .params(ticket, now.atOffset(ZoneOffset.UTC), ticketless.toArray(String[]::new)).update();
            ticketless.forEach(number -> events.publishEvent(new IssuanceEvent.QueueTicketIssued(number, now, pscCode, ticket,
                    operator.iin().value(), checkedBy)));
            List<CollectionView> collections = table.all(numbers).stream().map(record -> view(record, now)).toList();
            return new Reception(ticket, collections.getFirst().ticketIssuedAt(), checkedBy, collections);
        });
    }

    /** The applications whose documents one queue ticket covers (reception gives one ticket for all of a person's), this one included. */
    List<String> sameTicket(SignedInPerson operator, String pscCode, String applicationNumber) {
        ownPsc(operator, pscCode);
        CollectionRecord record = record(pscCode, applicationNumber);
        if (record.queueTicket().isEmpty() || record.ticketIssuedAt().isEmpty()) {
            return List.of(applicationNumber);
        }
        LocalDate day = LocalDate.ofInstant(record.ticketIssuedAt().get(), BuyerIdentity.KAZAKHSTAN);
        return table.withTicket(pscCode, record.queueTicket().get(), day.atStartOfDay(BuyerIdentity.KAZAKHSTAN).toInstant(),
                        day.plusDays(1).atStartOfDay(BuyerIdentity.KAZAKHSTAN).toInstant())
                .stream().map(covered -> covered.order().applicationNumber()).toList();
    }

    /** The person's documents ready at this PSC and not yet handed over; a problem saying why when there are none. */
    private List<CollectionRecord> waitingFor(String pscCode, Iin owner) {
        List<CollectionRecord> theirs = table.ofOwnerAtPsc(pscCode, owner).stream().filter(record -> !record.handedOver()).toList();
        List<CollectionRecord> ready = theirs.stream().filter(CollectionRecord::ready).toList();
        if (!ready.isEmpty()) {
            return ready;
        }
        if (!theirs.isEmpty()) {
            String numbers = theirs.stream().map(record -> record.order().applicationNumber()).collect(Collectors.joining(", "));
            throw new CannotServe("DOCUMENTS_NOT_READY", CannotServe.Reason.CONFLICT, "The documents of application " + numbers
                    + " are not at the PSC yet. The buyer is told when they are.", numbers);
        }
        throw new CannotServe("NOTHING_TO_COLLECT", CannotServe.Reason.NOT_FOUND, "No documents of this person are waiting at " + pscCode
                + ". Check that they chose this PSC (their notice names it), or ask for the application number.", pscCode);
    }

    private static boolean ticketOf(CollectionRecord record, LocalDate today) {
        return record.queueTicket().isPresent()
                && record.ticketIssuedAt().map(at -> LocalDate.ofInstant(at, BuyerIdentity.KAZAKHSTAN).equals(today)).orElse(false);
    }

    private String nextTicket(String pscCode, LocalDate today) {
        int number = db.sql("""
                        insert into psc_queue_counter (psc_code, day, last_number) values (?, ?, 1)
                        on conflict (psc_code, day) do update set last_number = psc_queue_counter.last_number + 1
                        returning last_number""")
                .params(pscCode, today).query(Integer.class).single();
        return String.format("R-%03d", number);
    }

    /** P9–P10: identity checked again; the plates' serials and the certificate's blank must be what production made. */
    CollectionView handOver(SignedInPerson operator, String pscCode, String applicationNumber, BuyerIdentity.Proof proof, List<String> plateSerials,
                            String blankNumber) {
        ownPsc(operator, pscCode);
        CollectionRecord record = collectable(pscCode, applicationNumber);
        if (record.queueTicket().isEmpty()) {
            // Chapter 2 keeps its order (issue [11]): the person is received (P8, a queue ticket) before anything is handed over.
            throw new CannotServe("NOT_RECEIVED", CannotServe.Reason.CONFLICT, "The person has not been received for application " + applicationNumber
                    + " yet: check their identity at reception and give them a queue ticket first, then hand the documents over.", applicationNumber);
        }
        if (plateSerials == null || plateSerials.isEmpty() || blankNumber == null || blankNumber.isBlank()) {
            throw new CannotServe("HANDOVER_ITEMS_MISSING", CannotServe.Reason.INVALID,
                    "Send plateSerials (the serial numbers on the plates handed over) and certificateBlankNumber (the number on the certificate card).");
        }
        String checkedBy = identity.check(record.order(), proof);
        Set<String> given = new HashSet<>(plateSerials.stream().map(String::strip).toList());
        if (!given.equals(new HashSet<>(record.plateSerials()))) {
            throw new CannotServe("PLATE_SERIALS_MISMATCH", CannotServe.Reason.UNPROCESSABLE,
                    "The plates' serial numbers " + plateSerials + " are not those the plate maker made for " + record.order().plateNumber() + " "
                            + record.plateSerials() + ". Check that these are the plates of application " + applicationNumber + ".",
                    String.valueOf(plateSerials), record.order().plateNumber(), String.valueOf(record.plateSerials()), applicationNumber);
        }
        if (!blankNumber.strip().equals(record.certificateBlankNumber().orElse(""))) {
            throw new CannotServe("CERTIFICATE_BLANK_MISMATCH", CannotServe.Reason.UNPROCESSABLE,
                    "Certificate card " + blankNumber.strip() + " is not the one the print centre printed for application " + applicationNumber
                            + " (" + record.certificateBlankNumber().orElse("none") + "). Check that it is this application's card.",
                    blankNumber.strip(), applicationNumber, record.certificateBlankNumber().orElse("—"));
        }
        return transaction.execute(status -> {
            Instant now = clock.instant();
            int updated = db.sql("""
                            update collection_order set handed_over_at = ?, handed_over_by = ?, handed_over_plate_serials = ?, handed_over_blank_number = ?
                             where application_number = ? and handed_over_at is null and ready_at is not null""")
                    .params(now.atOffset(ZoneOffset.UTC), operator.iin().value(), plateSerials.stream().map(String::strip).toArray(String[]::new),
                            blankNumber.strip(), applicationNumber)
                    .update();
            if (updated == 0) {
                throw alreadyHandedOver(applicationNumber);
            }
            events.publishEvent(new IssuanceEvent.DocumentsHandedOver(applicationNumber, now, pscCode, operator.iin().value(),
                    List.copyOf(record.plateSerials()), record.certificateBlankNumber().orElseThrow()));
            return view(record(pscCode, applicationNumber), now);
        });
    }

    private CollectionRecord collectable(String pscCode, String applicationNumber) {
        return collectable(record(pscCode, applicationNumber));
    }

    /** The record, when its documents can be collected now: at the PSC and not handed over yet. */
    private static CollectionRecord collectable(CollectionRecord record) {
        String applicationNumber = record.order().applicationNumber();
        if (record.handedOver()) {
            throw alreadyHandedOver(applicationNumber);
        }
        if (!record.ready()) {
            throw new CannotServe("DOCUMENTS_NOT_READY", CannotServe.Reason.CONFLICT, "The documents of application " + applicationNumber
                    + " are not at the PSC yet (certificate " + record.certificateStatus() + ", plates " + record.platesStatus()
                    + "). The buyer is told when they are.", applicationNumber, String.valueOf(record.certificateStatus()), String.valueOf(record.platesStatus()))
                    .situation("statuses");
        }
        return record;
    }

    private CollectionRecord record(String pscCode, String applicationNumber) {
        return table.find(applicationNumber).filter(record -> record.order().pscCode().equals(pscCode))
                .orElseThrow(() -> new CannotServe("COLLECTION_NOT_FOUND", CannotServe.Reason.NOT_FOUND,
                        "No documents of application " + applicationNumber + " are expected at " + pscCode + ". Check the number, and the PSC the buyer chose.",
                        applicationNumber, pscCode));
    }

    private static CannotServe alreadyHandedOver(String applicationNumber) {
        return new CannotServe("ALREADY_HANDED_OVER", CannotServe.Reason.CONFLICT,
                "The documents of application " + applicationNumber + " were handed over already; they cannot be handed over twice.", applicationNumber);
    }

    private static void ownPsc(SignedInPerson operator, String pscCode) {
        if (!operator.scopesOf(Role.PSC_OPERATOR).contains(pscCode)) {
            throw new CannotServe("NOT_YOUR_PSC", CannotServe.Reason.FORBIDDEN,
                    "You work at " + operator.scopesOf(Role.PSC_OPERATOR) + ", not at " + pscCode + ": you may see and hand over only your PSC's documents.",
                    operator.scopesOf(Role.PSC_OPERATOR).toString(), pscCode);
        }
    }

    private CollectionView view(CollectionRecord record, Instant now) {
        return CollectionView.of(record, now, properties.collectionDays());
    }

    /** @param identityCheckedBy GBD_FL_DOCUMENT or DIGITAL_DOCUMENTS */
    record Reception(String queueTicket, Instant issuedAt, String identityCheckedBy, List<CollectionView> collections) {}
}
