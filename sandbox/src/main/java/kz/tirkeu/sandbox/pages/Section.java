package kz.tirkeu.sandbox.pages;

/** The sandbox's pages, in the order of the navigation every one of them carries. */
public enum Section {
    HOME("/sandbox", new Text("Басты бет", "Главная", "Home")),
    PERSONAS("/sandbox/personas", new Text("Тест тұлғалар", "Тестовые лица", "Personas")),
    SCENARIOS("/sandbox/scenarios", new Text("Сценарийлер", "Сценарии", "Scenarios")),
    SMS("/sandbox/sms", new Text("SMS жәшігі", "SMS-ящик", "SMS inbox")),
    MAIL("/sandbox/mail", new Text("Пошта", "Почта", "Mail")),
    SIGNER("/sandbox/signer", new Text("Қол қойғыш", "Подписант", "Signer")),
    FAULTS("/sandbox/faults", new Text("Ақаулар", "Сбои", "Faults")),
    PRODUCTION("/sandbox/production", new Text("Өндіріс", "Производство", "Production")),
    PAYMENTS("/sandbox/payments", new Text("Төлемдер", "Платежи", "Payments"));

    private final String path;
    private final Text label;

    Section(String path, Text label) {
        this.path = path;
        this.label = label;
    }

    /** Below the context path. */
    public String path() {
        return path;
    }

    public Text label() {
        return label;
    }
}
