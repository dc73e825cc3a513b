package kz.tirkeu.identity.web;

import kz.tirkeu.pki.InvalidInputException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.identity.access.RoleGrant;
import kz.tirkeu.identity.access.RoleGrants;
import kz.tirkeu.pki.identity.Iin;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administrators grant and withdraw staff roles; every change stays on record. */
@RestController
@RequestMapping("/api/v1/admin/role-grants")
class RoleGrantApi {

    private final RoleGrants grants;

    RoleGrantApi(RoleGrants grants) {
        this.grants = grants;
    }

    @GetMapping
    @Allowed({Role.ADMIN, Role.AUDITOR})
    List<RoleGrant> list(@RequestParam Optional<String> iin) {
        return grants.history(iin.map(Iin::of));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed(Role.ADMIN)
    RoleGrant grant(SignedInPerson admin, @RequestBody GrantRequest body) {
        if (body.iin() == null || body.role() == null) {
            throw new InvalidInputException("Send iin, role, scope (for PSC_OPERATOR and POLICE_OFFICER) and reason.");
        }
        return grants.grantByAdministrator(Iin.of(body.iin()), body.role(), body.scope(), admin.iin().value(), body.reason());
    }

    @PostMapping("/{grantId}/withdrawal")
    @Allowed(Role.ADMIN)
    RoleGrant withdraw(SignedInPerson admin, @PathVariable UUID grantId, @RequestBody Withdrawal body) {
        return grants.withdraw(grantId, admin.iin().value(), body.reason());
    }

    record GrantRequest(String iin, Role role, String scope, String reason) {}

    record Withdrawal(String reason) {}
}
