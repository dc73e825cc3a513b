package kz.tirkeu.sandbox.persona;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.tirkeu.pki.ca.SubjectSpec;
import kz.tirkeu.pki.cert.KeyPurpose;
import kz.tirkeu.pki.cert.KzRole;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.sandbox.mobile.MobileNumber;

/**
 * The sandbox's test personas, like the test keys the НУЦ publishes: always the same people with the
 * same IINs and BINs (generated from fixed birth and registration dates, with valid check digits), so
 * that test scripts, demo data and the state-system emulators can refer to them by id or IIN.
 */
public final class PersonaCatalogue {

    private static final List<KeyPurpose> AUTH_AND_SIGN = List.of(KeyPurpose.AUTH, KeyPurpose.SIGN);
    private static final boolean MALE = true;
    private static final boolean FEMALE = false;
    /** The buyer who never registered a phone in МБГ: sign-in must offer her another second factor. */
    static final String BUYER_WITHOUT_PHONE = "buyer-gulnar";

    /** A dealer (автосалон): a legal entity selling new cars, whose employees sign for its BIN. */
    record Dealer(String key, Bin bin, String name) {}

    static final Dealer DEALER_1 = new Dealer("dealer1", Bin.generate(2012, 4, 3715), "ТОО «Есіл Моторс»");
    static final Dealer DEALER_2 = new Dealer("dealer2", Bin.generate(2016, 10, 2048), "ТОО «Алатау Моторс»");
    /**
     * A car-repair shop, not a dealer: its OKED in ГБД ЮЛ is 45201 (maintenance and repair), none of the
     * vehicle-sale codes 4511/4519, so an application it starts is refused at S1. Its manager's keys work
     * like any dealer employee's, so the refusal comes from the OKED check and nothing else.
     */
    static final Dealer DEALER_3 = new Dealer("dealer3", Bin.generate(2018, 5, 4096), "ТОО «Сарыарқа Сервис»");
    /** The operator of the Tirkeu platform, whose organisation key signs registration certificates. */
    static final Bin PLATFORM_BIN = Bin.generate(2019, 3, 1001);
    static final String PLATFORM_OPERATOR = "АО «Тіркеу»";

    private final List<Persona> personas;

    private PersonaCatalogue(List<Persona> personas) {
        this.personas = List.copyOf(personas);
    }

    public static PersonaCatalogue standard() {
        List<Persona> all = new ArrayList<>();
        all.add(buyer("buyer-aidar", new PersonName("Нұрланов", "Айдар", "Серікұлы"), LocalDate.of(1990, 3, 14), MALE, 1234));
        all.add(buyer("buyer-aigerim", new PersonName("Сейітова", "Әйгерім", "Болатқызы"), LocalDate.of(1994, 8, 21), FEMALE, 2718));
        all.add(buyer("buyer-daulet", new PersonName("Жұмабаев", "Дәулет", "Ерланұлы"), LocalDate.of(1986, 11, 2), MALE, 3141));
        all.add(buyer("buyer-dana", new PersonName("Әбілқасымова", "Дана", "Маратқызы"), LocalDate.of(2001, 5, 9), FEMALE, 1618));
        all.add(buyer("buyer-yerlan", new PersonName("Оспанов", "Ерлан", "Қайратұлы"), LocalDate.of(1978, 1, 30), MALE, 4669));
        all.add(buyer("buyer-gulnar", new PersonName("Ахметова", "Гүлнар", "Төлегенқызы"), LocalDate.of(1965, 12, 12), FEMALE, 5772));

        all.add(dealerEmployee(DEALER_1, "head", KzRole.FIRST_HEAD, "Director (first head)",
                new PersonName("Бекмұхамбетов", "Марат", "Жанатұлы"), LocalDate.of(1972, 6, 18), MALE, 1001));
        all.add(dealerEmployee(DEALER_1, "manager", KzRole.SIGNING_RIGHT, "Sales manager with signing right",
                new PersonName("Қалиева", "Сәуле", "Ержанқызы"), LocalDate.of(1988, 2, 25), FEMALE, 1002));
        all.add(dealerEmployee(DEALER_1, "clerk", KzRole.EMPLOYEE, "Sales clerk without signing right",
                new PersonName("Төлеуов", "Нұрсұлтан", "Асқарұлы"), LocalDate.of(1998, 9, 7), MALE, 1003));
        all.add(dealerEmployee(DEALER_2, "head", KzRole.FIRST_HEAD, "Director (first head)",
                new PersonName("Исабекова", "Жанар", "Серікқызы"), LocalDate.of(1975, 4, 3), FEMALE, 2001));
        all.add(dealerEmployee(DEALER_2, "manager", KzRole.SIGNING_RIGHT, "Sales manager with signing right",
                new PersonName("Мұратов", "Арман", "Бауыржанұлы"), LocalDate.of(1991, 12, 19), MALE, 2002));
        all.add(dealerEmployee(DEALER_2, "clerk", KzRole.EMPLOYEE, "Sales clerk without signing right",
                new PersonName("Сағындықова", "Айжан", "Нұрланқызы"), LocalDate.of(2000, 3, 28), FEMALE, 2003));
        all.add(dealerEmployee(DEALER_3, "manager", KzRole.SIGNING_RIGHT, "Manager with signing right of a car-repair shop (OKED 45201, not a vehicle dealer)",
                new PersonName("Жақсылықов", "Бақытжан", "Ғаниұлы"), LocalDate.of(1983, 8, 16), MALE, 3501));

        all.add(staff("staff-psc-operator", "Operator of a public service centre (ЦОН), hands over certificates and plates",
                new PersonName("Ибраева", "Мәдина", "Ғалымқызы"), LocalDate.of(1993, 7, 11), FEMALE, 3001));
        all.add(staff("staff-police-officer", "Officer of the administrative police who registers vehicles",
                new PersonName("Сәрсенбаев", "Ербол", "Мақсатұлы"), LocalDate.of(1984, 10, 5), MALE, 3002));
        all.add(staff("staff-auditor", "Auditor who reads the journals and the personal-data access log",
                new PersonName("Кенжебаева", "Ләззат", "Әмірқызы"), LocalDate.of(1980, 5, 22), FEMALE, 3003));
        all.add(staff("staff-admin", "Administrator of the platform",
                new PersonName("Әлиев", "Бекзат", "Рүстемұлы"), LocalDate.of(1989, 1, 15), MALE, 3004));
        all.add(staff("staff-regime-official", "Official of the body authorised for the experimental legal regime: records and signs its decisions",
                new PersonName("Нұрпейісова", "Гүлмира", "Асқарқызы"), LocalDate.of(1979, 11, 3), FEMALE, 3005));

        all.add(platform());
        all.add(partnerSystem(DEALER_1, "dms", "Dealer management system"));
        return new PersonaCatalogue(all);
    }

    /** A catalogue of a few personas, for tests that need not wait for every key. */
    static PersonaCatalogue of(List<Persona> personas) {
        return new PersonaCatalogue(personas);
    }

    public List<Persona> personas() {
        return personas;
    }

    public Optional<Persona> find(String id) {
        return personas.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    private static Persona buyer(String id, PersonName name, LocalDate born, boolean male, int serial) {
        return id.equals(BUYER_WITHOUT_PHONE)
                ? individual(id, PersonaKind.BUYER, "Buyer of a new car; has no phone in МБГ", name, Iin.generate(born, male, serial), false)
                : individual(id, PersonaKind.BUYER, "Buyer of a new car", name, Iin.generate(born, male, serial), true);
    }

    private static Persona staff(String id, String description, PersonName name, LocalDate born, boolean male, int serial) {
        return individual(id, PersonaKind.STAFF, description, name, Iin.generate(born, male, serial), true);
    }

    private static Persona individual(String id, PersonaKind kind, String description, PersonName name, Iin iin, boolean hasPhone) {
        return new Persona(id, kind, name.display(), description, Optional.of(iin), Optional.empty(), Optional.empty(),
                Set.of(KzRole.INDIVIDUAL), AUTH_AND_SIGN,
                SubjectSpec.individual(iin, name.surnameInCertificate(), name.givenNameInCertificate(), name.patronymicInCertificate()),
                hasPhone ? Optional.of(MobileNumber.of(iin)) : Optional.empty());
    }

    private static Persona dealerEmployee(Dealer dealer, String position, KzRole role, String description,
                                          PersonName name, LocalDate born, boolean male, int serial) {
        Iin iin = Iin.generate(born, male, serial);
        return new Persona(dealer.key() + "-" + position, PersonaKind.DEALER_EMPLOYEE, name.display(), description + ", " + dealer.name(),
                Optional.of(iin), Optional.of(dealer.bin()), Optional.of(dealer.name()),
                EnumSet.of(KzRole.LEGAL_ENTITY_EMPLOYEE, role), AUTH_AND_SIGN,
                SubjectSpec.employee(iin, name.surnameInCertificate(), name.givenNameInCertificate(), name.patronymicInCertificate(),
                        dealer.bin(), dealer.name()),
                Optional.of(MobileNumber.of(iin)));
    }

    /** The id of the partner system the platform registers when the sandbox is on (docs/PARTNERS.md). */
    public static final String SANDBOX_PARTNER = "dealer1-dms";

    /** A dealer's own information system, registered with the platform as a partner (a machine client): an AUTH key only. */
    private static Persona partnerSystem(Dealer dealer, String system, String systemName) {
        return new Persona(dealer.key() + "-" + system, PersonaKind.PARTNER_SYSTEM, dealer.name() + " — " + systemName,
                "The dealer's own system, a partner of the platform: signs its OAuth client assertions (private_key_jwt)",
                Optional.empty(), Optional.of(dealer.bin()), Optional.of(dealer.name()),
                Set.of(), List.of(KeyPurpose.AUTH),
                SubjectSpec.organisation(dealer.bin(), dealer.name(), systemName),
                Optional.empty());
    }

    // No role OID: the НУЦ gives none to an information system's key; verifiers recognise it by its BIN and the absence of an IIN.
    private static Persona platform() {
        return new Persona("platform", PersonaKind.PLATFORM, PLATFORM_OPERATOR + " — Tirkeu platform",
                "The platform's organisation key: signs the registration certificates it issues",
                Optional.empty(), Optional.of(PLATFORM_BIN), Optional.of(PLATFORM_OPERATOR),
                Set.of(), List.of(KeyPurpose.SIGN),
                SubjectSpec.organisation(PLATFORM_BIN, PLATFORM_OPERATOR, "Tirkeu platform"),
                Optional.empty());
    }
}
