package kz.tirkeu.notification;

import java.util.Locale;
import java.util.Optional;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.platform.web.ChosenLanguages;
import org.springframework.stereotype.Component;

/** The language a person chose for their notices is the one the API answers them in, when their client does not ask for another. */
@Component
class NoticeLanguages implements ChosenLanguages {

    private final RecipientPreferences preferences;

    NoticeLanguages(RecipientPreferences preferences) {
        this.preferences = preferences;
    }

    @Override
    public Optional<Locale> chosenBy(String person) {
        if (!Iin.isValid(person)) {
            return Optional.empty();
        }
        RecipientPreferences.Preferences chosen = preferences.of(Iin.of(person));
        return chosen.languageChosen() ? Optional.of(chosen.language().locale()) : Optional.empty();
    }
}
