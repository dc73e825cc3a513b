package kz.tirkeu.identity.web;

import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.identity.access.SellerAccess;
import kz.tirkeu.identity.access.SellerAccess.SellerRules;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A dealer's first head decides which employees may act as its sellers. */
@RestController
@RequestMapping("/api/v1/organisations/{bin}/seller-rules")
@Allowed(Role.SELLER)
class SellerAccessApi {

    private final SellerAccess access;

    SellerAccessApi(SellerAccess access) {
        this.access = access;
    }

    @GetMapping
    SellerRules rules(SignedInPerson person, @PathVariable String bin) {
        return access.rules(ownOrganisation(person, bin));
    }

    @PutMapping
    SellerRules restrict(SignedInPerson person, @PathVariable String bin, @RequestBody Restriction body) {
        return access.restrict(person, ownOrganisation(person, bin), body.restricted());
    }

    @PostMapping("/sellers")
    SellerRules authorise(SignedInPerson person, @PathVariable String bin, @RequestBody Employee body) {
        return access.authorise(person, ownOrganisation(person, bin), Iin.of(body.iin()));
    }

    @DeleteMapping("/sellers/{iin}")
    SellerRules withdraw(SignedInPerson person, @PathVariable String bin, @PathVariable String iin) {
        return access.withdraw(person, ownOrganisation(person, bin), Iin.of(iin));
    }

    private static Bin ownOrganisation(SignedInPerson person, String bin) {
        Bin organisation = Bin.of(bin);
        if (!person.scopesOf(Role.SELLER).contains(organisation.value())) {
            throw new ProblemException("NOT_YOUR_ORGANISATION", HttpStatus.FORBIDDEN, "You act for another organisation.");
        }
        return organisation;
    }

    record Restriction(boolean restricted) {}

    record Employee(String iin) {}
}
