package kz.tirkeu.statesystems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VinTest {

    @Test
    void acceptsIso3779ShapeAndChecksTheNinthCharacterAsAWarningOnly() {
        assertThat(Vin.parse(" 1m8gdm9axkp042788 ").value()).isEqualTo("1M8GDM9AXKP042788");
        assertThat(Vin.parse("1M8GDM9AXKP042788").checkDigitMatches()).isTrue();   // the classic example, check digit X
        assertThat(Vin.parse("11111111111111111").checkDigitMatches()).isTrue();
        assertThat(Vin.parse("1M8GDM9A1KP042788").checkDigitMatches()).isFalse();  // valid VIN, wrong check digit: still a VIN
    }

    @Test
    void refusesWrongLengthAndTheLettersIOAndQ() {
        assertThatThrownBy(() -> Vin.parse("1M8GDM9AXKP04278")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("17 characters");
        assertThatThrownBy(() -> Vin.parse("1M8GDM9AXKP04278O")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Vin.parse("IM8GDM9AXKP042788")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Vin.parse("QM8GDM9AXKP042788")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Vin.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
