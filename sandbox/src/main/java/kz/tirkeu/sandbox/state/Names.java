package kz.tirkeu.sandbox.state;

import java.util.List;

/** Kazakh names to make people from: given names by sex, surname stems (+а for women), fathers' names for patronymics. */
final class Names {

    static final List<String> MALE = List.of("Айдар", "Ерлан", "Нұрлан", "Дәулет", "Асқар", "Бауыржан", "Ержан", "Серік", "Қайрат",
            "Ғалым", "Мұрат", "Әлібек", "Темірлан", "Жандос", "Санжар", "Бекзат", "Нұрсұлтан", "Ерболат", "Арман", "Дастан",
            "Әділет", "Ілияс", "Мейірхан", "Өркен", "Тимур");
    static final List<String> FEMALE = List.of("Әйгерім", "Дана", "Гүлнар", "Жанар", "Айжан", "Мәдина", "Ләззат", "Сәуле", "Аружан",
            "Динара", "Гүлмира", "Назерке", "Ақмарал", "Қарлығаш", "Жансая", "Балжан", "Мөлдір", "Томирис", "Айгүл", "Нұргүл",
            "Іңкәр", "Үміт", "Өмірзая", "Ұлжан", "Шынар");
    /** Surnames in the masculine form; women's add «а» (Нұрланов, Нұрланова). */
    static final List<String> SURNAMES = List.of("Нұрланов", "Сейітов", "Жұмабаев", "Оспанов", "Ахметов", "Қалиев", "Төлеуов",
            "Мұратов", "Исабеков", "Сәрсенбаев", "Кенжебаев", "Әлиев", "Бекмұхамбетов", "Сағындықов", "Ибраев", "Тоқтаров",
            "Омаров", "Байжанов", "Жақсылықов", "Есенов", "Рахимов", "Ұзақов", "Серікбаев", "Қасымов", "Әбдірахманов",
            "Шәріпов", "Іскаков", "Өтепов", "Ғабдуллин", "Мәуленов");
    static final List<String> FATHERS = List.of("Серік", "Болат", "Ерлан", "Марат", "Қайрат", "Жанат", "Ержан", "Асқар", "Бауыржан",
            "Нұрлан", "Ғалым", "Әмір", "Рүстем", "Мақсат", "Төлеген", "Ғани", "Сейіт", "Қуаныш", "Өмірбек", "Ұлан");

    private Names() {}

    static String surname(int i, boolean male) {
        String stem = SURNAMES.get(i % SURNAMES.size());
        return male ? stem : stem + "а";
    }

    static String given(int i, boolean male) {
        List<String> names = male ? MALE : FEMALE;
        return names.get(i % names.size());
    }

    static String patronymic(int i, boolean male) {
        return FATHERS.get(i % FATHERS.size()) + (male ? "ұлы" : "қызы");
    }
}
