package kz.tirkeu.sandbox.persona;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;

class PersonaTest {

    /**
     * BouncyCastle 1.83's X500Name.hashCode() marks its cache filled before filling it, so a thread that
     * hashes a name while another is computing it gets 0. Issuing a persona's keys in parallel did exactly
     * that, and a map keyed by personas lost entries. A persona's hash must not depend on that cache.
     */
    @Test
    void aPersonasHashDoesNotDependOnBouncyCastlesRacyNameHashCache() throws Exception {
        Persona seenMidRace = PersonaCatalogue.standard().find("dealer1-head").orElseThrow();
        Persona fresh = PersonaCatalogue.standard().find("dealer1-head").orElseThrow();
        leaveHashCacheHalfFilled(seenMidRace.subject().name());

        assertThat(seenMidRace).isEqualTo(fresh);
        assertThat(seenMidRace.hashCode()).isEqualTo(fresh.hashCode());
    }

    private static void leaveHashCacheHalfFilled(X500Name name) throws Exception {
        Field calculated = X500Name.class.getDeclaredField("isHashCodeCalculated");
        Field value = X500Name.class.getDeclaredField("hashCodeValue");
        calculated.setAccessible(true);
        value.setAccessible(true);
        calculated.setBoolean(name, true);
        value.setInt(name, 0);
    }
}
