package kz.tirkeu.platform.web;

import java.util.Locale;
import java.util.Optional;

/**
 * The language a person chose for what the platform tells them (their notices' language), where an area keeps it:
 * an API call without {@code Accept-Language} is answered in it.
 */
public interface ChosenLanguages {

    /** @param person the signed-in person's identifier (their IIN) */
    Optional<Locale> chosenBy(String person);
}
