package kz.tirkeu.sandbox.mobile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import kz.tirkeu.pki.identity.Iin;
import org.junit.jupiter.api.Test;

class MobileNumberTest {

    @Test
    void readsNumbersAsPeopleAndQueryStringsWriteThem() {
        MobileNumber expected = new MobileNumber("+77011234567");
        assertThat(MobileNumber.parse("+77011234567")).contains(expected);
        assertThat(MobileNumber.parse("+7 (701) 123-45-67")).contains(expected);
        assertThat(MobileNumber.parse("87011234567")).contains(expected);
        assertThat(MobileNumber.parse("77011234567")).contains(expected);
        assertThat(MobileNumber.parse(" 77011234567")).as("?to=+7701… decoded as a form").contains(expected);
    }

    @Test
    void refusesWhatIsNotAKazakhMobileNumber() {
        assertThat(MobileNumber.parse("+7701123456")).isEmpty();
        assertThat(MobileNumber.parse("+74951234567")).as("a Moscow landline").isEmpty();
        assertThat(MobileNumber.parse("hello")).isEmpty();
        assertThat(MobileNumber.parse(null)).isEmpty();
        assertThatThrownBy(() -> new MobileNumber("87011234567")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPersonsNumberIsTheSameEveryTime() {
        Iin iin = Iin.generate(LocalDate.of(1990, 3, 14), true, 1234);
        assertThat(MobileNumber.of(iin)).isEqualTo(MobileNumber.of(Iin.of(iin.value())));
        assertThat(MobileNumber.of(iin).e164()).matches("\\+77\\d{9}").endsWith(iin.value().substring(5));
    }
}
