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
}
