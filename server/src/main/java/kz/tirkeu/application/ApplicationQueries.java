package kz.tirkeu.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import org.springframework.stereotype.Service;

/** What a person may see: a seller its organisation's applications, a buyer their own from S10 on. */
@Service
public class ApplicationQueries {

    private final Applications applications;

    ApplicationQueries(Applications applications) {
        this.applications = applications;
    }

    public List<ApplicationRecord> visibleTo(SignedInPerson person, Optional<ApplicationStatus> status, int limit, int offset) {
        List<ApplicationRecord> visible = new ArrayList<>();
        if (person.has(Role.SELLER)) {
            visible.addAll(applications.ofSeller(person.bin().orElseThrow(), status, limit, offset));
        }
        if (person.has(Role.BUYER)) {
            applications.ofBuyer(person.iin(), limit, offset).stream().filter(a -> status.map(s -> s == a.status()).orElse(true)).forEach(visible::add);
        }
        return visible;
    }

    public ApplicationRecord visibleTo(SignedInPerson person, String number) {
        return applications.find(number)
                .filter(a -> (person.has(Role.SELLER) && person.bin().equals(Optional.of(a.sellerBin())))
                        || (person.has(Role.BUYER) && a.buyerIin().equals(person.iin()) && buyerMaySee(a)))
                .orElseThrow(ApplicationProcess::notFound);
    }

    /** An application's number, for finding it again; whether the person may see it is {@link #visibleTo(SignedInPerson, String)}'s to say. */
    public Optional<String> numberOf(java.util.UUID applicationId) {
        return applications.find(applicationId).map(ApplicationRecord::number);
    }

    /** Which of these VINs an open application holds: a car on its way to registration cannot be sold again. */
    public java.util.Set<String> heldByOpenApplications(java.util.Collection<String> vins) {
        return applications.heldByOpenApplications(vins);
    }

    private boolean buyerMaySee(ApplicationRecord record) {
        return applications.sellerHasSigned(record.id());
    }
}
