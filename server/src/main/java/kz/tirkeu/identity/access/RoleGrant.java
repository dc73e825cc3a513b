package kz.tirkeu.identity.access;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import kz.tirkeu.identity.Role;

/** One grant of a staff role, and its withdrawal if it was withdrawn: the record of who gave whom what. */
public record RoleGrant(UUID id, String iin, Role role, String scope, String grantedBy, Instant grantedAt, String reason,
                        Optional<String> withdrawnBy, Optional<Instant> withdrawnAt, Optional<String> withdrawalReason) {

    public boolean active() {
        return withdrawnAt.isEmpty();
    }

    /**
     * Whether this is the given person's own ADMIN grant: another administrator has to withdraw it, or the last
     * administrator could lock everyone out of administration by a slip of the hand.
     */
    public boolean ownAdministrationOf(String personIin) {
        return role == Role.ADMIN && iin.equals(personIin);
    }
}
