package kz.tirkeu.application;

import kz.tirkeu.platform.CannotServe;
import static kz.tirkeu.application.BuyerStepRules.own;
import static kz.tirkeu.application.BuyerStepRules.require;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.statesystems.Answer;
import kz.tirkeu.statesystems.MobileCitizensBase;
import kz.tirkeu.statesystems.ServiceCentres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * S15: the buyer chooses the public service centre that hands over the documents and the plate type; then S16's
 * МБГ lookup: with a phone registered there the buyer goes straight on to pay.
 */
@Service
public class CollectionChoices {

    private final Applications applications;
    private final ActionLog log;
    private final ServiceCentres centres;
    private final MobileCitizensBase mbg;
    private final JdbcClient db;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final List<String> plateTypes;

    CollectionChoices(Applications applications, ActionLog log, ServiceCentres centres, MobileCitizensBase mbg, JdbcClient db,
                      TransactionTemplate transaction, Clock clock, ApplicationProperties properties) {
        this.applications = applications;
        this.log = log;
        this.centres = centres;
        this.mbg = mbg;
        this.db = db;
        this.transaction = transaction;
        this.clock = clock;
        this.plateTypes = properties.plateTypes();
    }

    public List<String> plateTypes() {
        return plateTypes;
    }

    public ApplicationRecord choose(SignedInPerson buyer, String number, String pscCode, String plateType) {
        ApplicationRecord current = own(buyer, applications.find(number));
        require(current, ApplicationStatus.AWAITING_CHOICES);
        if (plateType == null || !plateTypes.contains(plateType)) {
            throw new ApplicationRefused("PLATE_TYPE_UNKNOWN", CannotServe.Reason.INVALID, "Choose a plate type from " + plateTypes + ".", plateTypes.toString());
        }
        ServiceCentres.ServiceCentre centre = centre(pscCode);
        // Network calls before the transaction: the application's lock is never held while a state system thinks.
        MobileCitizensBase.PhoneLookup phone = mbg.registeredPhone(buyer.iin());
        return transaction.execute(status -> {
            ApplicationRecord record = applications.lock(current.id()).orElseThrow();
            require(record, ApplicationStatus.AWAITING_CHOICES);
            Instant now = clock.instant();
            db.sql("insert into application_choice (application_id, psc_code, psc_region, plate_type, chosen_at) values (?, ?, ?, ?, ?)")
                    .params(record.id(), centre.code(), centre.regionCode(), plateType, Applications.utc(now)).update();
            log.append(record.id(), now, Action.Actor.BUYER, buyer.iin().value(), Step.S15, ApplicationStatus.AWAITING_PHONE,
                    new Act.ChoicesMade(centre.code(), centre.name(), centre.regionCode(), plateType), null);
            if (phone instanceof MobileCitizensBase.PhoneLookup.Registered found) {
                db.sql("insert into buyer_phone (application_id, phone, source, confirmed_at) values (?, ?, 'MBG', ?)")
                        .params(record.id(), found.phone().e164(), Applications.utc(now)).update();
                log.append(record.id(), now, Action.Actor.PLATFORM, null, Step.S16, ApplicationStatus.AWAITING_PAYMENT,
                        new Act.PhoneConfirmed("МБГ", found.phone().masked()), null);
            } else {
                // No number in МБГ, or МБГ not answering: either way the buyer may enter one (S16), so nobody waits on it.
                log.append(record.id(), now, Action.Actor.PLATFORM, null, Step.S16, ApplicationStatus.AWAITING_PHONE,
                        new Act.PhoneNeeded(phone instanceof MobileCitizensBase.PhoneLookup.NotRegistered ? "no registered phone" : "not answering"), null);
            }
            return applications.find(record.id()).orElseThrow();
        });
    }

    private ServiceCentres.ServiceCentre centre(String pscCode) {
        return switch (centres.find(pscCode == null ? "" : pscCode.strip())) {
            case Answer.Found<ServiceCentres.ServiceCentre> found when found.value().issuesPlates() -> found.value();
            case Answer.Found<ServiceCentres.ServiceCentre> found -> throw new ApplicationRefused("PSC_DOES_NOT_ISSUE_PLATES", CannotServe.Reason.INVALID,
                    found.value().name() + " does not issue plates; choose another centre.", found.value().name());
            case Answer.NotFound<ServiceCentres.ServiceCentre> none -> throw new ApplicationRefused("PSC_UNKNOWN", CannotServe.Reason.INVALID,
                    "There is no public service centre " + pscCode + ".", String.valueOf(pscCode));
            case Answer.Unavailable<ServiceCentres.ServiceCentre> down -> throw new CannotServe("PSC_CATALOGUE_UNAVAILABLE", CannotServe.Reason.UNAVAILABLE,
                    "The catalogue of service centres does not answer right now; your application keeps its place. Please try again in a few minutes.");
        };
    }
}
