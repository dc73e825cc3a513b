package kz.tirkeu.sandbox.state;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.sandbox.persona.Persona;
import kz.tirkeu.sandbox.persona.PersonaCatalogue;
import kz.tirkeu.sandbox.persona.PersonaKind;
import kz.tirkeu.sandbox.state.StateRecords.Address;
import kz.tirkeu.sandbox.state.StateRecords.Buyer;
import kz.tirkeu.sandbox.state.StateRecords.Centre;
import kz.tirkeu.sandbox.state.StateRecords.Contract;
import kz.tirkeu.sandbox.state.StateRecords.CustomsPayment;
import kz.tirkeu.sandbox.state.StateRecords.Engine;
import kz.tirkeu.sandbox.state.StateRecords.Expected;
import kz.tirkeu.sandbox.state.StateRecords.Fine;
import kz.tirkeu.sandbox.state.StateRecords.Fines;
import kz.tirkeu.sandbox.state.StateRecords.Head;
import kz.tirkeu.sandbox.state.StateRecords.IdDocument;
import kz.tirkeu.sandbox.state.StateRecords.Oked;
import kz.tirkeu.sandbox.state.StateRecords.Organisation;
import kz.tirkeu.sandbox.state.StateRecords.Passport;
import kz.tirkeu.sandbox.state.StateRecords.Person;
import kz.tirkeu.sandbox.state.StateRecords.ReadyVehicle;
import kz.tirkeu.sandbox.state.StateRecords.RecyclingFee;
import kz.tirkeu.sandbox.state.StateRecords.Scenario;
import kz.tirkeu.sandbox.state.StateRecords.Seller;
import kz.tirkeu.sandbox.state.VehicleModels.Model;
import kz.tirkeu.sandbox.state.VehicleModels.Origin;

/**
 * The data of the sandbox's state systems, the same in every run: no randomness, every record a pure
 * function of its index. {@value #READY_VEHICLES} generated "ready" vehicles (vehicle {@code i}: sold by
 * dealer1 or dealer2 to generated person {@code i}, with an active ЭПТС, customs paid, recycling fee
 * paid or exempt and a signed contract: the happy path passes for each), the personas as people and
 * organisations, a few ready vehicles for each buyer persona, and the vehicles and people of the
 * scenario catalogue. Only two small maps are built at startup (VIN and IIN to index, some ms);
 * the records are made when asked for.
 */
public final class StateData {

    public static final int READY_VEHICLES = 10_000;
    /** MRP (monthly calculation index) of 2026, DOMAIN §5.3. */
    static final long MRP = 4_325;
    private static final int READY_SERIAL = 100_000;
    private static final LocalDate FIRST_PASSPORT = LocalDate.of(2026, 9, 1);
    private static final LocalDate OLDEST_BIRTH = LocalDate.of(1958, 1, 1);
    private static final DateTimeFormatter DDMMYY = DateTimeFormatter.ofPattern("ddMMyy");
    private static final List<String> COLOURS = List.of("white", "black", "grey", "silver", "white", "blue", "red", "white",
            "black", "silver", "green", "light blue", "grey", "white", "gold", "orange", "violet", "yellow", "combined");
    private static final String ISSUER = "ҚР ІІМ";

    enum ContractMode { SIGNED, NONE, AFTER_TWO_RETRIES }

    /** A vehicle and what the state systems hold on it; {@code eptsStatus} null: no passport, {@code customsPaid} null: no record. */
    record Vehicle(int variant, int serial, String vin, String sellerBin, String buyerIin, String eptsStatus, Boolean customsPaid,
                   boolean recyclingFee, ContractMode contract) {
        Model model() {
            return VehicleModels.ALL.get(Math.floorMod(variant * 7, VehicleModels.ALL.size()));
        }

        LocalDate passportIssued() {
            return FIRST_PASSPORT.plusDays(serial % 60);
        }

        boolean ready() {
            return "ACTIVE".equals(eptsStatus) && Boolean.TRUE.equals(customsPaid) && recyclingFee && contract == ContractMode.SIGNED;
        }
    }

    /** Somebody in ГБД ФЛ beyond the generated people: the personas and the scenarios' people. */
    private record Named(String surname, String name, String patronymic, String lifeStatus, int addressSeed) {}

    private final String dealer1;
    private final String dealer2;
    private final String dealer3;
    private final Map<String, Integer> generatedByIin = new HashMap<>();
    private final Map<String, Named> namedPeople = new LinkedHashMap<>();
    private final Map<String, Vehicle> fixedVehicles = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Vehicle> personaReadyVehicles = new java.util.concurrent.CopyOnWriteArrayList<>();
    /**
     * Sandboxes started in this JVM so far. Test applications run several sandboxes in one JVM against one database;
     * each makes vehicles in its own block of serials, so a vehicle one made never has the VIN of another's, whose
     * application may still be open there. The first sandbox — the only one of a normal run — starts at 900,000.
     */
    private static final java.util.concurrent.atomic.AtomicInteger SANDBOXES = new java.util.concurrent.atomic.AtomicInteger();
    private static final int MADE_PER_SANDBOX = 5_000;
    /** Serials of vehicles made on request (a sandbox control), after the personas' 800,000s. */
    private final java.util.concurrent.atomic.AtomicInteger madeSerial =
            new java.util.concurrent.atomic.AtomicInteger(900_000 + (SANDBOXES.getAndIncrement() % 20) * MADE_PER_SANDBOX);
    private final Map<String, Organisation> organisations = new LinkedHashMap<>();
    private final Map<String, List<Fine>> fines = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Scenario> scenarios = new ArrayList<>();
    private final List<Centre> centres;

    public StateData(PersonaCatalogue catalogue) {
        dealer1 = bin(catalogue, "dealer1-manager");
        dealer2 = bin(catalogue, "dealer2-manager");
        dealer3 = bin(catalogue, "dealer3-manager");
        for (int i = 0; i < READY_VEHICLES; i++) {
            generatedByIin.put(generatedIin(i), i);
        }
        int seed = 0;
        for (Persona persona : catalogue.personas()) {
            if (persona.iin().isPresent()) {
                String[] names = persona.displayName().split(" ");
                namedPeople.put(persona.iin().orElseThrow().value(), new Named(names[0], names[1], names.length > 2 ? names[2] : null, "NORMAL", seed++));
            }
        }
        organisations(catalogue);
        centres = buildCentres();
        personaVehicles(catalogue);
        scenarios(catalogue);
    }

    private static String bin(PersonaCatalogue catalogue, String personaId) {
        return catalogue.find(personaId).flatMap(Persona::bin).map(Bin::value)
                .orElseThrow(() -> new IllegalStateException("the persona catalogue has no " + personaId));
    }

    private static String iin(PersonaCatalogue catalogue, String personaId) {
        return catalogue.find(personaId).flatMap(Persona::iin).map(Iin::value)
                .orElseThrow(() -> new IllegalStateException("the persona catalogue has no " + personaId));
    }

    // ---- generated people and vehicles ------------------------------------------------------------

    /** Born on distinct days between 1958 and 2007 (7 is prime to 18,000), serials 6000–8999 apart from the personas'. */
    private static LocalDate generatedBirth(int i) {
        return OLDEST_BIRTH.plusDays((i * 7L) % 18_000);
    }

    private static String generatedIin(int i) {
        return Iin.generate(generatedBirth(i), i % 2 == 0, 6000 + (i * 37) % 3000).value();
    }

    private Vehicle readyVehicle(int i) {
        int serial = READY_SERIAL + i;
        Model model = VehicleModels.ALL.get(Math.floorMod(i * 7, VehicleModels.ALL.size()));
        return new Vehicle(i, serial, vin(model, serial), i % 2 == 0 ? dealer1 : dealer2, generatedIin(i), "ACTIVE", true, true, ContractMode.SIGNED);
    }

    private static String vin(Model model, int serial) {
        return Vins.of(model.wmi(), model.vds(), 'T', model.plantCode(), serial);
    }

    private Vehicle fixed(int variant, int serial, String sellerBin, String buyerIin, String eptsStatus, Boolean customsPaid,
                          boolean recyclingFee, ContractMode contract) {
        Model model = VehicleModels.ALL.get(Math.floorMod(variant * 7, VehicleModels.ALL.size()));
        Vehicle vehicle = new Vehicle(variant, serial, vin(model, serial), sellerBin, buyerIin, eptsStatus, customsPaid, recyclingFee, contract);
        if (fixedVehicles.putIfAbsent(vehicle.vin(), vehicle) != null) {
            throw new IllegalStateException("two of the sandbox's vehicles would share the VIN " + vehicle.vin());
        }
        return vehicle;
    }

    private Vehicle ready(int variant, int serial, String sellerBin, String buyerIin) {
        return fixed(variant, serial, sellerBin, buyerIin, "ACTIVE", true, true, ContractMode.SIGNED);
    }

    public Optional<Vehicle> vehicle(String vin) {
        Vehicle fixed = fixedVehicles.get(vin);
        if (fixed != null) {
            return Optional.of(fixed);
        }
        if (!Vins.isWellFormed(vin)) {
            return Optional.empty();
        }
        try {
            int i = Integer.parseInt(vin.substring(11)) - READY_SERIAL;
            if (i >= 0 && i < READY_VEHICLES) {
                Vehicle vehicle = readyVehicle(i);
                return vehicle.vin().equals(vin) ? Optional.of(vehicle) : Optional.empty();
            }
        } catch (NumberFormatException notOurs) {
            // a serial with letters: not a vehicle of the sandbox
        }
        return Optional.empty();
    }

    // ---- the systems' answers ----------------------------------------------------------------------

    public Optional<Passport> passport(String vin) {
        return vehicle(vin).filter(v -> v.eptsStatus() != null).map(v -> {
            Model m = v.model();
            return new Passport("1398001" + String.format("%08d", v.serial()), v.eptsStatus(), v.vin(), m.make(), m.model(), m.category(), 2026,
                    new Engine(m.engineType(), m.volumeCc(), m.powerKw()), COLOURS.get(Math.floorMod(v.variant() * 5 + v.serial(), COLOURS.size())),
                    v.vin(), "N1".equals(m.category()) ? v.vin() : "ОТСУТСТВУЕТ", m.engineCode() + String.format("%07d", v.serial() * 3L % 10_000_000),
                    m.massKg(), m.maxMassKg(), m.manufacturer(), m.plant(),
                    "ТС KZ E-KZ.МТ02.00" + String.format("%03d", VehicleModels.ALL.indexOf(m) + 101) + ".Р1",
                    m.origin().name(), v.passportIssued().toString());
        });
    }

    /** Domestic cars: the declaration for the imported assembly kit (CKD/SKD components), which the assembler clears; imports: the car's own. */
    public Optional<CustomsPayment> customs(String vin) {
        return vehicle(vin).filter(v -> v.customsPaid() != null).map(v -> {
            Model m = v.model();
            LocalDate declared = v.passportIssued().minusDays(20);
            String post = switch (m.wmi()) {
                case "Y6H" -> "50510";
                case "Y6L" -> "63301";
                case "JTM" -> "50509";
                default -> "39601";
            };
            long amount = m.origin() == Origin.DOMESTIC ? m.basePriceKzt() * 4 / 100 : m.basePriceKzt() * 15 / 100;
            return new CustomsPayment(v.vin(), v.customsPaid(), post + "/" + declared.format(DDMMYY) + "/" + String.format("%07d", v.serial()),
                    declared.toString(), v.customsPaid() ? amount : 0);
        });
    }

    /** Paid in Kazakhstan by the assembler or importer; electric cars exempt (zero coefficient). Amounts: 50 MRP × a volume coefficient, the sandbox's own. */
    public Optional<RecyclingFee> recycling(String vin) {
        return vehicle(vin).filter(Vehicle::recyclingFee).map(v -> {
            Model m = v.model();
            LocalDate paid = v.passportIssued().minusDays(5);
            String document = "ЖД-2026-" + String.format("%07d", v.serial());
            if ("ELECTRIC".equals(m.engineType())) {
                return new RecyclingFee(v.vin(), "EXEMPT", paid.toString(), "KZ", document, 0);
            }
            long coefficient = "N1".equals(m.category()) ? 3 : m.volumeCc() <= 1000 ? 1 : m.volumeCc() <= 2000 ? 2 : 4;
            return new RecyclingFee(v.vin(), "PAID", paid.toString(), "KZ", document, 50 * MRP * coefficient);
        });
    }

    /** The contract if one with exactly these parties is signed (retries of the "after a retry" contract are counted by the routes). */
    public Optional<Contract> contract(String vin, String sellerBin, String buyerIin) {
        return vehicle(vin).filter(v -> v.contract() != ContractMode.NONE && v.sellerBin().equals(sellerBin) && v.buyerIin().equals(buyerIin)).map(v -> {
            LocalDate date = v.passportIssued().plusDays(10 + v.serial() % 10);
            return new Contract("ЭК-2026-" + String.format("%07d", v.serial()), date.toString(), v.vin(), v.sellerBin(), v.buyerIin(),
                    v.model().basePriceKzt() + (v.serial() % 5) * 100_000L, "SIGNED",
                    List.of(new StateRecords.Signature("SELLER", date.atTime(LocalTime.of(5, 0)).toInstant(ZoneOffset.UTC).toString()),
                            new StateRecords.Signature("BUYER", date.atTime(LocalTime.of(10, 30)).toInstant(ZoneOffset.UTC).toString())));
        });
    }

    public boolean contractAppearsAfterRetries(String vin) {
        return vehicle(vin).map(v -> v.contract() == ContractMode.AFTER_TWO_RETRIES).orElse(false);
    }

    public Optional<Person> person(String iin) {
        Integer i = generatedByIin.get(iin);
        if (i != null) {
            boolean male = i % 2 == 0;
            return Optional.of(person(iin, Names.surname(i * 7 + i / 30, male), Names.given(i * 3 + i / 25, male),
                    Names.patronymic(i * 11 + i / 20, male), "NORMAL", i));
        }
        Named named = namedPeople.get(iin);
        return Optional.ofNullable(named).map(n -> person(iin, n.surname(), n.name(), n.patronymic(), n.lifeStatus(), n.addressSeed()));
    }

    private static Person person(String value, String surname, String name, String patronymic, String lifeStatus, int seed) {
        Iin iin = Iin.of(value);
        LocalDate born = iin.birthDate();
        boolean male = (value.charAt(6) - '0') % 2 == 1;
        Regions.Region region = Regions.ALL.get(seed % Regions.ALL.size());
        Address address = new Address(region.code(), region.name(), region.town(), region.streets().get(seed % region.streets().size()),
                String.valueOf(1 + (seed * 13) % 180), seed % 3 == 0 ? null : String.valueOf(1 + (seed * 7) % 240));
        // Issued 2020-2025, so that every card is valid (ten years) until 2030 at least: from 2017 on, buyer-aidar's card
        // expired on 2026-12-31, and the PSC refuses an expired document at the handover (P8-P9).
        LocalDate issued = LocalDate.of(2020, 1, 1).plusDays((seed * 3L) % 2000);
        if (issued.isBefore(born.plusYears(16))) {
            issued = born.plusYears(16);
        }
        List<IdDocument> documents = new ArrayList<>();
        documents.add(new IdDocument("ID_CARD", String.format("%09d", 40_000_000 + seed), issued.toString(), issued.plusYears(10).minusDays(1).toString(), ISSUER));
        if (seed % 3 == 1) {
            LocalDate passport = issued.plusDays(200);
            documents.add(new IdDocument("PASSPORT", "N" + String.format("%08d", 12_000_000 + seed), passport.toString(),
                    passport.plusYears(10).minusDays(1).toString(), ISSUER));
        }
        return new Person(value, surname, name, patronymic, born.toString(), male ? "MALE" : "FEMALE", lifeStatus, address, List.copyOf(documents));
    }

    public Optional<Organisation> organisation(String bin) {
        return Optional.ofNullable(organisations.get(bin));
    }

    public Fines fines(String iin) {
        List<Fine> unpaid = fines.getOrDefault(iin, List.of());
        return new Fines(iin, unpaid, unpaid.stream().mapToLong(Fine::amountKzt).sum());
    }

    /** Everybody ЕРАП holds unpaid fines of, for the testers' page. */
    public List<Fines> unpaidFines() {
        return fines.keySet().stream().sorted().map(this::fines).filter(f -> !f.unpaid().isEmpty()).toList();
    }

    /** A sandbox control: ЕРАП records a new unpaid fine of this person (e.g. issued after the buyer's S14 check). */
    public Fine issueFine(String iin, long amountKzt, java.time.LocalDate today) {
        Fine fine = new Fine(String.valueOf(2_600_000_000_000L + java.util.concurrent.ThreadLocalRandom.current().nextLong(100_000_000_000L)),
                "592-бап 1-бөлік", "Жылдамдықты сағатына 10–20 км асыру (speeding by 10–20 km/h)", amountKzt, today.toString(), today.plusDays(60).toString());
        fines.merge(iin, List.of(fine), (old, added) -> java.util.stream.Stream.concat(old.stream(), added.stream()).toList());
        return fine;
    }

    /** A sandbox control: the fine is paid and leaves the list of unpaid ones. Whether it was there. */
    public boolean payFine(String iin, String protocolNumber) {
        boolean[] found = {false};
        fines.computeIfPresent(iin, (key, unpaid) -> {
            found[0] = unpaid.stream().anyMatch(f -> f.protocolNumber().equals(protocolNumber));
            return unpaid.stream().filter(f -> !f.protocolNumber().equals(protocolNumber)).toList();
        });
        return found[0];
    }

    public List<Centre> centres() {
        return centres;
    }

    /** Every region has a centre that issues plates (its -01); Almaty, Astana and Shymkent have more, Almaty's -03 and Astana's -02 without plates. */
    private static List<Centre> buildCentres() {
        List<Centre> all = new ArrayList<>();
        for (Regions.Region region : Regions.ALL) {
            int count = switch (region.code()) {
                case "01", "17" -> 2;
                case "02" -> 3;
                default -> 1;
            };
            for (int n = 1; n <= count; n++) {
                boolean plates = n < 3 && !(region.code().equals("01") && n == 2);
                all.add(new Centre(region.psc() + "-" + String.format("%02d", n), "ЦОН " + region.town() + " №" + n, region.code(),
                        region.town() + ", " + region.streets().get(n % region.streets().size()) + ", " + (10 + n * 17),
                        plates, n == 1 ? "Mon–Fri 09:00–18:00" : "Mon–Sat 09:00–20:00"));
            }
        }
        return List.copyOf(all);
    }

    public int readyVehicleCount() {
        return READY_VEHICLES + personaReadyVehicles.size();
    }

    /** Generated vehicles first, then the buyer personas' own, in a fixed order. */
    public List<ReadyVehicle> readyVehicles(int offset, int limit) {
        List<ReadyVehicle> page = new ArrayList<>();
        for (int k = offset; k < Math.min(readyVehicleCount(), (long) offset + limit); k++) {
            Vehicle v = k < READY_VEHICLES ? readyVehicle(k) : personaReadyVehicles.get(k - READY_VEHICLES);
            page.add(new ReadyVehicle(v.vin(), v.sellerBin(), v.buyerIin()));
        }
        return page;
    }

    /**
     * A sandbox control: a new vehicle ready for registration, sold by this seller to this buyer (active
     * ЭПТС, customs and recycling fee paid, a signed contract) — a car leaving the factory, so that a VIN
     * registered once does not stop anyone trying the service again.
     */
    public ReadyVehicle makeReadyVehicle(String sellerBin, String buyerIin) {
        int serial = madeSerial.incrementAndGet();
        Vehicle vehicle = ready(serial, serial, sellerBin, buyerIin);
        personaReadyVehicles.add(vehicle);
        return new ReadyVehicle(vehicle.vin(), vehicle.sellerBin(), vehicle.buyerIin());
    }

    public String dealer(int number) {
        return switch (number) {
            case 1 -> dealer1;
            case 2 -> dealer2;
            default -> throw new IllegalArgumentException("the sandbox has dealers 1 and 2");
        };
    }

    public List<ReadyVehicle> readyVehiclesOf(String buyerIin) {
        Integer i = generatedByIin.get(buyerIin);
        List<Vehicle> found = new ArrayList<>();
        if (i != null) {
            found.add(readyVehicle(i));
        }
        personaReadyVehicles.stream().filter(v -> v.buyerIin().equals(buyerIin)).forEach(found::add);
        return found.stream().map(v -> new ReadyVehicle(v.vin(), v.sellerBin(), v.buyerIin())).toList();
    }

    public List<Scenario> scenarios() {
        return List.copyOf(scenarios);
    }

    // ---- fixed data: organisations, personas' vehicles, scenarios -----------------------------------

    private void organisations(PersonaCatalogue catalogue) {
        Oked sale = new Oked("45111", "Автомобильдер мен жеңіл автокөлік құралдарын көтерме және бөлшек саудада сату", true);
        Oked repair = new Oked("45201", "Автомобильдерге техникалық қызмет көрсету және жөндеу", false);
        Oked parts = new Oked("45320", "Автомобиль бөлшектерін бөлшек саудада сату", false);
        organisation(dealer1, "ТОО «Есіл Моторс»", "ACTIVE", List.of(sale, repair, parts), head(catalogue, "dealer1-head"),
                legal("01", "Тұран даңғылы", "37"));
        organisation(dealer2, "ТОО «Алатау Моторс»", "ACTIVE", List.of(sale, repair), head(catalogue, "dealer2-head"), legal("02", "Сүйінбай даңғылы", "151"));
        String repairHead = named(Iin.generate(LocalDate.of(1970, 2, 14), true, 9101).value(), "Омаров", "Қуаныш", "Серікұлы", "NORMAL", 41);
        organisation(dealer3, "ТОО «Сарыарқа Сервис»", "ACTIVE", List.of(new Oked(repair.code(), repair.name(), true), parts),
                new Head(repairHead, "Омаров Қуаныш Серікұлы"), legal("09", "Бұқар жырау даңғылы", "66"));
        Oked manufacture = new Oked("29100", "Автокөлік құралдарын өндіру", true);
        String sapHead = named(Iin.generate(LocalDate.of(1968, 5, 20), true, 9102).value(), "Байжанов", "Асқар", "Төлегенұлы", "NORMAL", 42);
        organisation(Bin.generate(2002, 9, 777).value(), "ТОО «СарыаркаАвтоПром»", "ACTIVE",
                List.of(manufacture, new Oked("45111", sale.name(), false)), new Head(sapHead, "Байжанов Асқар Төлегенұлы"), legal("10", "Промышленная көшесі", "1"));
        String oldHead = named(Iin.generate(LocalDate.of(1961, 11, 3), true, 9103).value(), "Есенов", "Мұрат", "Әмірұлы", "NORMAL", 43);
        organisation(Bin.generate(2009, 6, 512).value(), "ТОО «Көне Авто»", "LIQUIDATED", List.of(sale), new Head(oldHead, "Есенов Мұрат Әмірұлы"), legal("04", "Абылай хан даңғылы", "12"));
        String pausedHead = named(Iin.generate(LocalDate.of(1979, 7, 25), false, 9104).value(), "Рахимова", "Динара", "Болатқызы", "NORMAL", 44);
        organisation(Bin.generate(2015, 2, 640).value(), "ТОО «Тоқтаулы Моторс»", "SUSPENDED", List.of(sale), new Head(pausedHead, "Рахимова Динара Болатқызы"), legal("14", "Естай көшесі", "40"));
    }

    private void organisation(String bin, String name, String status, List<Oked> okeds, Head head, Address legalAddress) {
        String registered = "20" + bin.substring(0, 2) + "-" + bin.substring(2, 4) + "-" + String.format("%02d", 1 + Integer.parseInt(bin.substring(7, 11)) % 28);
        organisations.put(bin, new Organisation(bin, name, status, registered, okeds, head, legalAddress));
    }

    /** A legal address in the region's main city. */
    private static Address legal(String regionCode, String street, String house) {
        Regions.Region region = Regions.ALL.stream().filter(r -> r.code().equals(regionCode)).findFirst().orElseThrow();
        return new Address(regionCode, region.name(), region.town(), street, house, null);
    }

    private Head head(PersonaCatalogue catalogue, String personaId) {
        Persona head = catalogue.find(personaId).orElseThrow();
        return new Head(head.iin().orElseThrow().value(), head.displayName());
    }

    private String named(String iin, String surname, String name, String patronymic, String lifeStatus, int seed) {
        namedPeople.put(iin, new Named(surname, name, patronymic, lifeStatus, seed));
        return iin;
    }

    /** Each buyer persona but buyer-yerlan (he has unpaid fines) has a ready vehicle from each dealer. */
    private void personaVehicles(PersonaCatalogue catalogue) {
        int k = 0;
        for (Persona buyer : catalogue.personas()) {
            if (buyer.kind() != PersonaKind.BUYER || buyer.id().equals("buyer-yerlan")) {
                continue;
            }
            String iin = buyer.iin().orElseThrow().value();
            personaReadyVehicles.add(ready(k, 800_000 + k, dealer1, iin));
            k++;
            personaReadyVehicles.add(ready(k, 800_000 + k, dealer2, iin));
            k++;
        }
    }

    private void scenarios(PersonaCatalogue catalogue) {
        String aidar = iin(catalogue, "buyer-aidar");
        String aigerim = iin(catalogue, "buyer-aigerim");
        String daulet = iin(catalogue, "buyer-daulet");
        String dana = iin(catalogue, "buyer-dana");
        String yerlan = iin(catalogue, "buyer-yerlan");
        String gulnar = iin(catalogue, "buyer-gulnar");
        Seller seller1 = new Seller("dealer1-manager", dealer1);
        Seller seller2 = new Seller("dealer2-manager", dealer2);

        fines.put(yerlan, List.of(
                new Fine("2602001245871", "592-бап 1-бөлік", "Жылдамдықты сағатына 10–20 км асыру (speeding by 10–20 km/h)", 5 * MRP, "2026-09-14", "2026-11-13"),
                new Fine("2602001311046", "597-бап 1-бөлік", "Тоқтау және тұрақ ережелерін бұзу (parking violation)", 3 * MRP, "2026-10-02", "2026-12-01")));
        String deceased = named(Iin.generate(LocalDate.of(1949, 3, 3), true, 9001).value(), "Тоқтаров", "Ерболат", "Асқарұлы", "DECEASED", 45);
        String unknown = Iin.generate(LocalDate.of(1983, 7, 7), true, 9500).value();
        String missingPerson = named(Iin.generate(LocalDate.of(1975, 10, 19), true, 9002).value(), "Ұзақов", "Тимур", "Мақсатұлы", "MISSING", 46);
        String incapacitated = named(Iin.generate(LocalDate.of(1992, 1, 8), false, 9003).value(), "Серікбаева", "Айгүл", "Қуанышқызы", "INCAPACITATED", 47);

        int s = 900_001;
        scenario("happy-path", "S1-S18", "Happy path", "dealer1 sells buyer-aidar a car for which every state system answers yes; the buyer agrees, pays and signs.",
                seller1, ready(3, s++, dealer1, aidar), aidar, "buyer-aidar", null, expected("SUBMITTED", "S18", null));
        scenario("seller-not-vehicle-dealer", "S1", "The seller does not sell vehicles",
                "dealer3 (ТОО «Сарыарқа Сервис») is a repair shop: its OKEDs in ГБД ЮЛ are 45201 and 45320, no 4511/4519. Everything else about the car is in order.",
                new Seller("dealer3-manager", dealer3), ready(4, s++, dealer3, daulet), daulet, "buyer-daulet", null,
                expected("REFUSED", "S1", "SELLER_NOT_A_VEHICLE_DEALER"));
        Vehicle missing = new Vehicle(0, 999_999, vin(VehicleModels.ALL.getFirst(), 999_999), dealer1, aigerim, null, null, false, ContractMode.NONE);
        scenario("epts-not-found", "S3", "No electronic passport", "A well-formed VIN (valid check digit) that no state system knows.",
                seller1, missing, aigerim, "buyer-aigerim", null, expected("REFUSED", "S3", "EPTS_NOT_FOUND"));
        scenario("epts-not-active", "S3", "Electronic passport not active",
                "ЭПТС holds the passport with status INCOMPLETE (the manufacturer has not completed it); customs, recycling fee and contract are in order.",
                seller1, fixed(5, s++, dealer1, aigerim, "INCOMPLETE", true, true, ContractMode.SIGNED), aigerim, "buyer-aigerim", null,
                expected("REFUSED", "S3", "EPTS_NOT_ACTIVE"));
        int extra = 900_101;
        for (String status : List.of("CLOSED", "ANNULLED", "RECYCLED")) {
            int serial = extra++;
            scenario("epts-" + status.toLowerCase(), "S3", "Electronic passport " + status.toLowerCase(),
                    "ЭПТС holds the passport with status " + status + "; customs, recycling fee and contract are in order.",
                    seller1, fixed(serial, serial, dealer1, aigerim, status, true, true, ContractMode.SIGNED),
                    aigerim, "buyer-aigerim", null, expected("REFUSED", "S3", "EPTS_NOT_ACTIVE"));
        }
        scenario("customs-not-paid", "S4", "Customs payments not paid", "КГД has the declaration, with paid=false.",
                seller2, fixed(6, s++, dealer2, daulet, "ACTIVE", false, true, ContractMode.SIGNED), daulet, "buyer-daulet", null,
                expected("REFUSED", "S4", "CUSTOMS_NOT_PAID"));
        scenario("recycling-fee-not-paid", "S5", "No recycling fee", "«Жасыл даму» has no record for the VIN (404).",
                seller1, fixed(8, s++, dealer1, dana, "ACTIVE", true, false, ContractMode.SIGNED), dana, "buyer-dana", null,
                expected("REFUSED", "S5", "RECYCLING_FEE_NOT_PAID"));
        scenario("buyer-not-found", "S7", "Buyer's IIN not in ГБД ФЛ",
                "The seller enters a valid IIN that ГБД ФЛ does not know (404); the platform asks for a correct IIN. After correcting it to buyer-dana's the application goes on: the contract is with her.",
                seller1, ready(9, s++, dealer1, dana), unknown, null, new Buyer(dana, "buyer-dana", null),
                expected("CORRECTION_REQUESTED", "S7", "BUYER_NOT_FOUND"));
        scenario("buyer-not-eligible", "S7", "Buyer deceased", "ГБД ФЛ answers lifeStatus DECEASED for the buyer (not a persona: nobody signs for him).",
                seller2, ready(10, s++, dealer2, deceased), deceased, null, null, expected("REFUSED", "S7", "BUYER_NOT_ELIGIBLE"));
        scenario("buyer-missing", "S7", "Buyer missing", "ГБД ФЛ answers lifeStatus MISSING (declared missing) for the buyer.",
                seller1, ready(19, extra++, dealer1, missingPerson), missingPerson, null, null, expected("REFUSED", "S7", "BUYER_NOT_ELIGIBLE"));
        scenario("buyer-incapacitated", "S7", "Buyer incapacitated", "ГБД ФЛ answers lifeStatus INCAPACITATED for the buyer.",
                seller2, ready(20, extra++, dealer2, incapacitated), incapacitated, null, null, expected("REFUSED", "S7", "BUYER_NOT_ELIGIBLE"));
        scenario("contract-not-found", "S8", "No sale contract", "The e-contract systems hold no contract for this VIN, seller and buyer (404).",
                seller1, fixed(11, s++, dealer1, yerlan, "ACTIVE", true, true, ContractMode.NONE), yerlan, "buyer-yerlan", null,
                expected("REFUSED", "S8", "CONTRACT_NOT_FOUND"));
        scenario("contract-after-retry", "S8", "Contract appears only after a retry",
                "The e-contract systems answer 503 with Retry-After to the first two requests for this VIN, then 200 (DELETE /sandbox/faults starts the count again).",
                seller2, fixed(12, s++, dealer2, dana, "ACTIVE", true, true, ContractMode.AFTER_TWO_RETRIES), dana, "buyer-dana", null,
                expected("WAITING_THEN_SUBMITTED", "S8", null));
        scenario("unpaid-fines", "S14", "Buyer has unpaid fines", "ЕРАП lists two unpaid fines of buyer-yerlan (8 MRP in all).",
                seller1, ready(13, s++, dealer1, yerlan), yerlan, "buyer-yerlan", null, expected("REFUSED", "S14", "UNPAID_FINES"));
        // buyer-gulnar has no number at all, so she cannot receive the sign-in code (the second factor) either;
        // the S16 branch is reached the way it happens in life: the number is withdrawn after sign-in.
        scenario("no-phone-in-mbg", "S16", "Buyer has no phone in МБГ",
                "buyer-dana signs in (МБГ has her number), then her number is withdrawn from МБГ (DELETE /sandbox/mbg/v1/subscribers/{iin}) "
                        + "before she chooses the PSC: at S16 МБГ answers 404, which is not a refusal; she enters a mobile number herself, "
                        + "confirms it by SMS code and goes on. (buyer-gulnar, who never had a number, cannot sign in at all.)",
                seller2, ready(14, s++, dealer2, dana), dana, "buyer-dana", null, expected("SUBMITTED", "S16", null));
        scenario("payment-declined", "S17", "Payment declined",
                "The payment gateway declines the first payment (use its declining test case); nothing is refused: the buyer pays again, successfully, and signs.",
                seller1, ready(15, s++, dealer1, aigerim), aigerim, "buyer-aigerim", null, expected("SUBMITTED", "S17", null));
        scenario("payment-callback-twice", "S17", "Payment confirmation arrives twice",
                "The gateway sends its signed callback twice for the same payment id; the application is paid once.",
                seller2, ready(16, s++, dealer2, daulet), daulet, "buyer-daulet", null, expected("SUBMITTED", "S17", null));
        scenario("buyer-declines", "S10", "Buyer declines", "buyer-aidar declines the application in the cabinet; the seller is told.",
                seller2, ready(17, s++, dealer2, aidar), aidar, "buyer-aidar", null, expected("DECLINED", "S10", null));
        scenario("buyer-deadline-passes", "S10", "Buyer does not answer in time",
                "buyer-aigerim does nothing; after the buyer's deadline (10 days by default) the application expires and the seller is told.",
                seller2, ready(18, s++, dealer2, aigerim), aigerim, "buyer-aigerim", null, expected("EXPIRED", "S10", null));
    }

    private static Expected expected(String outcome, String step, String refusalCode) {
        return new Expected(outcome, step, refusalCode);
    }

    private void scenario(String id, String step, String title, String description, Seller seller, Vehicle vehicle,
                          String buyerIin, String buyerPersona, Buyer correction, Expected expected) {
        scenarios.add(new Scenario(id, step, title, description, seller, vehicle.vin(), new Buyer(buyerIin, buyerPersona, correction), expected));
    }
}
