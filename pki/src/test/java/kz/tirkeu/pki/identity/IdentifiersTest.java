package kz.tirkeu.pki.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"660427402182", "061211600012", "790303402568"})
    void acceptsTheReferenceIins(String iin) {
        assertThat(Iin.isValid(iin)).isTrue();
        assertThat(Iin.of(iin).value()).isEqualTo(iin);
    }

    @ParameterizedTest
    @ValueSource(strings = {"660427402183", "061211600010", "79030340256", "7903034025681", "79030340256a", ""})
    void rejectsWrongCheckDigitsAndShapes(String iin) {
        assertThat(Iin.isValid(iin)).isFalse();
        assertThatThrownBy(() -> Iin.of(iin)).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void readsTheBirthDateOfAnIin() {
        assertThat(Iin.of("660427402182").birthDate()).isEqualTo(LocalDate.of(1966, 4, 27));
        assertThat(Iin.of("061211600012").birthDate()).isEqualTo(LocalDate.of(2006, 12, 11));
    }

    @Test
    void generatedIinsEncodeBirthDateSexAndAreValid() {
        for (int serial = 0; serial < 2_000; serial++) {
            LocalDate birth = LocalDate.of(1990 + serial % 20, 1 + serial % 12, 1 + serial % 28);
            boolean male = serial % 2 == 0;
            Iin iin = Iin.generate(birth, male, serial);
            assertThat(Iin.isValid(iin.value())).isTrue();
            assertThat(iin.birthDate()).isEqualTo(birth);
            char centuryAndSex = birth.getYear() < 2000 ? (male ? '3' : '4') : (male ? '5' : '6');
            assertThat(iin.value().charAt(6)).isEqualTo(centuryAndSex);
        }
    }

    @Test
    void generatedBinsAreValidResidentHeadUnits() {
        for (int serial = 0; serial < 2_000; serial++) {
            Bin bin = Bin.generate(2010 + serial % 15, 1 + serial % 12, serial);
            assertThat(Bin.isValid(bin.value())).isTrue();
            assertThat(bin.value().substring(4, 6)).isEqualTo("40");
        }
    }

    @Test
    void usesTheSecondWeightsWhenTheFirstSumGivesTen() {
        // For 90031430060 the first weighted sum is 10 mod 11, so the check digit comes from the second weights (3,4,…,2).
        String first11 = "90031430060";
        int firstSum = 0;
        for (int i = 0; i < 11; i++) {
            firstSum += (first11.charAt(i) - '0') * (i + 1);
        }
        assertThat(firstSum % 11).isEqualTo(10);
        assertThat(CheckDigit.of(first11)).isEqualTo(7);
        assertThat(Iin.isValid("900314300607")).isTrue();
    }

    @Test
    void rejectsBinsWithWrongCheckDigits() {
        Bin valid = Bin.generate(2015, 6, 12345);
        String wrong = valid.value().substring(0, 11) + ((valid.value().charAt(11) - '0' + 1) % 10);
        assertThat(Bin.isValid(wrong)).isFalse();
        assertThatThrownBy(() -> Bin.of(wrong)).isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("check digit");
    }
}
