package kz.tirkeu.platform.web;

import java.util.Locale;

/** A problem whose text is written in each of the platform's languages: the API and the pages answer in the caller's. */
public interface LocalizedProblem {

    String message(Locale locale);
}
