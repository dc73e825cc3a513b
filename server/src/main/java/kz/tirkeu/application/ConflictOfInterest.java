package kz.tirkeu.application;

import kz.tirkeu.platform.CannotServe;
import java.util.UUID;
import kz.tirkeu.identity.SignedInPerson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Nobody decides their own case (issue [7]): an officer who is a party to an application — its buyer, the employee
 * who started it or signed it for the seller, anyone who acted in it as seller or buyer (a review's requester among
 * them) — may not take it over, decide it or review it; another officer of the region does.
 *
 * <p>What the platform cannot see: that an officer is an employee of the seller who never acted in this application.
 * No state system lists a legal entity's employees (ГБД ЮЛ names its head only); the officers' own declaration of
 * interests is the answer to that, outside this check.
 */
@Component
class ConflictOfInterest {

    private final JdbcClient db;

    ConflictOfInterest(JdbcClient db) {
        this.db = db;
    }

    void requireNotParty(SignedInPerson officer, UUID applicationId) {
        String iin = officer.iin().value();
        boolean party = db.sql("""
                        select exists (select 1 from application a where a.id = :id and (a.buyer_iin = :iin or a.seller_iin = :iin))
                            or exists (select 1 from application_action x where x.application_id = :id and x.actor in ('SELLER', 'BUYER') and x.actor_iin = :iin)
                            or exists (select 1 from signed_statement s where s.application_id = :id and s.signer_iin = :iin)""")
                .param("id", applicationId).param("iin", iin)
                .query(Boolean.class).single();
        if (party) {
            throw new ApplicationRefused("CONFLICT_OF_INTEREST", CannotServe.Reason.FORBIDDEN,
                    "You are a party to this application (its buyer, or you acted for its seller), so you may not take it over, decide or review it: "
                            + "another officer of the region will.");
        }
    }
}
