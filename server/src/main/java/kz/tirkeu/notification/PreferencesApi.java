package kz.tirkeu.notification;

import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.identity.web.AnySignedIn;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * How the signed-in person wants to be told: the language of notices, and an e-mail address given
 * voluntarily — which the person may withdraw at any time (Digital Code Art. 29: data given
 * voluntarily is forgotten on request).
 */
@RestController
@AnySignedIn
class PreferencesApi {

    private final RecipientPreferences preferences;

    PreferencesApi(RecipientPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/api/v1/me/notification-preferences")
    RecipientPreferences.Preferences get(SignedInPerson person) {
        return preferences.of(person.iin());
    }

    @PutMapping("/api/v1/me/notification-preferences")
    RecipientPreferences.Preferences update(SignedInPerson person, @RequestBody Update body) {
        if (body.language() != null) {
            preferences.chooseLanguage(person.iin(), Language.ofTag(body.language())
                    .orElseThrow(() -> new IllegalArgumentException("Choose kk, ru or en as the language of notices.")));
        }
        if (body.email() != null) {
            preferences.giveEmail(person.iin(), body.email());
        }
        return preferences.of(person.iin());
    }

    /** Forgets the e-mail address, also in past deliveries; pending e-mails are not sent. */
    @DeleteMapping("/api/v1/me/notification-preferences/email")
    EmailForgotten forgetEmail(SignedInPerson person) {
        return new EmailForgotten(preferences.forgetEmail(person.iin()));
    }

    record Update(String language, String email) {}

    record EmailForgotten(int deliveriesErased) {}
}
