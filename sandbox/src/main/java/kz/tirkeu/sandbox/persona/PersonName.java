package kz.tirkeu.sandbox.persona;

import java.util.Locale;

/** A person's names as a Kazakh ID card has them: surname, given name, patronymic (әкесінің аты). */
record PersonName(String surname, String givenName, String patronymic) {

    String display() {
        return surname + " " + givenName + " " + patronymic;
    }

    // The НУЦ writes names in capitals: CN=НҰРЛАНОВ АЙДАР, SURNAME=НҰРЛАНОВ, G=СЕРІКҰЛЫ.
    String surnameInCertificate() {
        return surname.toUpperCase(Locale.ROOT);
    }

    String givenNameInCertificate() {
        return givenName.toUpperCase(Locale.ROOT);
    }

    String patronymicInCertificate() {
        return patronymic.toUpperCase(Locale.ROOT);
    }
}
