package kz.tirkeu.application;

import kz.tirkeu.platform.CannotServe;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;

/** Rules every officer's action shares: an officer acts for the regions of their grant; a decision against someone gives its reason. */
final class PoliceWork {

    static final int MAX_REASON = 2000;

    private PoliceWork() {}

    static void requireRegion(SignedInPerson officer, PoliceCase policeCase) {
        if (policeCase.region().isPresent() && !officer.scopesOf(Role.POLICE_OFFICER).contains(policeCase.region().get())) {
            // Not 403: whether an application exists in another region is not this officer's business.
            throw new ApplicationRefused("APPLICATION_NOT_FOUND", CannotServe.Reason.NOT_FOUND, "There is no case with this number in your region.").situation("police");
        }
    }

    static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ApplicationRefused("REASON_REQUIRED", CannotServe.Reason.INVALID,
                    "Give the reason in words: the applicants are told it, and it is kept in the application's log.").situation("officer");
        }
        if (reason.length() > MAX_REASON) {
            throw new ApplicationRefused("REASON_TOO_LONG", CannotServe.Reason.INVALID, "Keep the reason under " + MAX_REASON + " characters.", String.valueOf(MAX_REASON));
        }
        return reason.strip();
    }
}
