package kz.tirkeu.sandbox.persona;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kz.tirkeu.pki.cert.KeyPurpose;
import kz.tirkeu.pki.cert.KzRole;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;
import org.junit.jupiter.api.Test;

class PersonaCatalogueTest {

    private final PersonaCatalogue catalogue = PersonaCatalogue.standard();

    @Test
    void everyIinAndBinHasAValidCheckDigit() {
        for (Persona persona : catalogue.personas()) {
            persona.iin().ifPresent(iin -> assertThat(Iin.isValid(iin.value())).as(persona.id() + " IIN " + iin).isTrue());
            persona.bin().ifPresent(bin -> assertThat(Bin.isValid(bin.value())).as(persona.id() + " BIN " + bin).isTrue());
        }
        assertThat(catalogue.personas()).allMatch(p -> p.iin().isPresent() || p.bin().isPresent());
    }

    @Test
    void twoBuildsGiveTheSamePersonasWithTheSameIdentifiers() {
        assertThat(fingerprint(PersonaCatalogue.standard())).isEqualTo(fingerprint(PersonaCatalogue.standard()));
        assertThat(catalogue.find("buyer-aidar")).get().extracting(p -> p.iin().orElseThrow().value()).isEqualTo("900314312346");
    }

    @Test
    void everyPersonHasItsOwnMobileNumberButOneBuyerAndThePlatformHaveNone() {
        List<Persona> people = catalogue.personas().stream().filter(p -> p.iin().isPresent()).toList();
        List<Persona> withoutPhone = people.stream().filter(p -> p.phone().isEmpty()).toList();

        assertThat(withoutPhone).extracting(Persona::id).containsExactly("buyer-gulnar");
        assertThat(withoutPhone.getFirst().kind()).isEqualTo(PersonaKind.BUYER);
        assertThat(people.stream().flatMap(p -> p.phone().stream()).map(phone -> phone.e164()).toList())
                .hasSize(people.size() - 1)
                .doesNotHaveDuplicates()
                .allMatch(phone -> phone.matches("\\+77\\d{9}"));
        assertThat(catalogue.find("platform").orElseThrow().phone()).isEmpty();
        assertThat(PersonaCatalogue.standard().find("buyer-aidar").orElseThrow().phone())
                .isEqualTo(catalogue.find("buyer-aidar").orElseThrow().phone());
    }

    @Test
    void idsAndIinsAreUnique() {
        List<String> ids = catalogue.personas().stream().map(Persona::id).toList();
        List<String> iins = catalogue.personas().stream().flatMap(p -> p.iin().stream()).map(Iin::value).toList();
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z0-9-]+"));
        assertThat(iins).doesNotHaveDuplicates();
    }

    @Test
    void iinsEncodeTheBirthDateAndSexTheCatalogueGives() {
        Persona dana = catalogue.find("buyer-dana").orElseThrow();
        assertThat(dana.iin().orElseThrow().birthDate()).hasYear(2001).hasMonthValue(5).hasDayOfMonth(9);
        assertThat(dana.iin().orElseThrow().value().charAt(6)).as("born in the 2000s, female").isEqualTo('6');
        assertThat(catalogue.find("buyer-aidar").orElseThrow().iin().orElseThrow().value().charAt(6)).as("1900s, male").isEqualTo('3');
    }

    @Test
    void atLeastSixBuyersEachAnIndividualWithAuthAndSignKeys() {
        List<Persona> buyers = ofKind(PersonaKind.BUYER);
        assertThat(buyers).hasSizeGreaterThanOrEqualTo(6).allSatisfy(buyer -> {
            assertThat(buyer.roles()).containsExactly(KzRole.INDIVIDUAL);
            assertThat(buyer.purposes()).containsExactly(KeyPurpose.AUTH, KeyPurpose.SIGN);
            assertThat(buyer.bin()).isEmpty();
            assertThat(buyer.displayName()).matches("[\\p{IsCyrillic} ]+");
        });
    }

    @Test
    void eachOfTwoDealersHasAHeadAManagerWithSigningRightAndAClerk() {
        Set<Bin> dealers = ofKind(PersonaKind.DEALER_EMPLOYEE).stream().map(p -> p.bin().orElseThrow()).collect(Collectors.toSet());
        assertThat(dealers).hasSize(3).as("dealer3 is the repair shop of the S1 refusal scenario").contains(catalogue.find("dealer3-manager").orElseThrow().bin().orElseThrow());
        for (String dealer : List.of("dealer1", "dealer2")) {
            assertThat(catalogue.find(dealer + "-head").orElseThrow().roles()).containsExactlyInAnyOrder(KzRole.LEGAL_ENTITY_EMPLOYEE, KzRole.FIRST_HEAD);
            assertThat(catalogue.find(dealer + "-manager").orElseThrow().roles()).containsExactlyInAnyOrder(KzRole.LEGAL_ENTITY_EMPLOYEE, KzRole.SIGNING_RIGHT);
            assertThat(catalogue.find(dealer + "-clerk").orElseThrow().roles()).containsExactlyInAnyOrder(KzRole.LEGAL_ENTITY_EMPLOYEE, KzRole.EMPLOYEE);
            assertThat(catalogue.find(dealer + "-head").orElseThrow().organisation()).get().asString().startsWith("ТОО «").endsWith("Моторс»");
        }
    }

    @Test
    void staffHoldPlainIndividualCertificates() {
        assertThat(ofKind(PersonaKind.STAFF)).extracting(Persona::id)
                .containsExactlyInAnyOrder("staff-psc-operator", "staff-police-officer", "staff-auditor", "staff-admin", "staff-regime-official");
        assertThat(ofKind(PersonaKind.STAFF)).allSatisfy(staff -> assertThat(staff.roles()).containsExactly(KzRole.INDIVIDUAL));
    }

    @Test
    void thePlatformIsAnOrganisationWithASigningKeyOnly() {
        Persona platform = catalogue.find("platform").orElseThrow();
        assertThat(platform.kind()).isEqualTo(PersonaKind.PLATFORM);
        assertThat(platform.iin()).isEmpty();
        assertThat(platform.bin()).isPresent();
        assertThat(platform.purposes()).containsExactly(KeyPurpose.SIGN);
    }

    private List<Persona> ofKind(PersonaKind kind) {
        return catalogue.personas().stream().filter(p -> p.kind() == kind).toList();
    }

    private static List<String> fingerprint(PersonaCatalogue catalogue) {
        return catalogue.personas().stream()
                .map(p -> p.id() + " " + p.iin().map(Iin::value).orElse("-") + " " + p.bin().map(Bin::value).orElse("-") + " " + p.subject().name())
                .toList();
    }
}
