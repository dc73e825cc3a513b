package kz.tirkeu.identity.access;

import java.util.Optional;
import kz.tirkeu.identity.IdentityProperties;
import kz.tirkeu.identity.Role;
import kz.tirkeu.pki.identity.Iin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Grants the roles listed in {@code tirkeu.identity.bootstrap-grants} that are not held yet. A new
 * installation has no administrator to grant the first one; this is how it gets one, on the record
 * like any other grant.
 */
@Component
class BootstrapGrants implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapGrants.class);
    static final String GRANTOR = "configuration (tirkeu.identity.bootstrap-grants)";

    private final IdentityProperties properties;
    private final RoleGrants grants;

    BootstrapGrants(IdentityProperties properties, RoleGrants grants) {
        this.properties = properties;
        this.grants = grants;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String line : properties.bootstrapGrants()) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length < 2 || parts.length > 3) {
                throw new IllegalStateException("tirkeu.identity.bootstrap-grants: '" + line + "' is not 'IIN ROLE [SCOPE]'");
            }
            Iin iin = Iin.of(parts[0]);
            Role role = Role.valueOf(parts[1]);
            String scope = parts.length == 3 ? parts[2] : "";
            boolean held = grants.history(Optional.of(iin)).stream()
                    .anyMatch(g -> g.active() && g.role() == role && g.scope().equalsIgnoreCase(scope));
            if (!held) {
                grants.grant(iin, role, scope, GRANTOR, "bootstrap of the installation");
                log.info("Granted {} {} to {} from configuration", role, scope, iin);
            }
        }
    }
}
