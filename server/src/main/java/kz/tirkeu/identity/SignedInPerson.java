package kz.tirkeu.identity;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.tirkeu.pki.cert.KzRole;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;

/**
 * Who is making a request: read from their session on every request, with the roles in force now
 * (a withdrawn grant stops working at the next request, not at the next sign-in).
 *
 * @param bin    the legal entity the person signed in for, when they used an employee's key
 * @param scopes for each scoped role, what it is bound to (PSC codes, region codes, the BIN)
 * @param certificateRoles the НУЦ role OIDs of the certificate the person signed in with
 */
public record SignedInPerson(UUID sessionId, Iin iin, Optional<Bin> bin, String name, Set<Role> roles, Map<Role, Set<String>> scopes,
                             Set<KzRole> certificateRoles) {

    public SignedInPerson {
        roles = Set.copyOf(roles);
        scopes = Map.copyOf(scopes);
        certificateRoles = Set.copyOf(certificateRoles);
    }

    /** Whether the person signed in as the first head of this legal entity (role 1.2.398.3.3.4.1.2.1 with its BIN). */
    public boolean isHeadOf(Bin organisation) {
        return bin.equals(Optional.of(organisation)) && certificateRoles.contains(KzRole.FIRST_HEAD);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Set<String> scopesOf(Role role) {
        return scopes.getOrDefault(role, Set.of());
    }
}
