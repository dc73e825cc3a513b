package kz.tirkeu.sandbox.mbg;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.sandbox.mobile.MobileNumber;
import kz.tirkeu.sandbox.persona.Persona;
import kz.tirkeu.sandbox.persona.PersonaCatalogue;

/**
 * МБГ (мобильдік азаматтар базасы, mobile citizens base) as the sandbox has it: the phone each test
 * person registered with the state. Persons outside the catalogue have none, like most IINs would.
 */
public final class MobileCitizensBase {

    private final Map<Iin, MobileNumber> phones;
    /** Numbers a tester withdrew, as when a person gives up a SIM: МБГ then answers "none" for them. */
    private final java.util.Set<Iin> withdrawn = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public MobileCitizensBase(PersonaCatalogue catalogue) {
        this.phones = catalogue.personas().stream()
                .filter(persona -> persona.iin().isPresent() && persona.phone().isPresent())
                .collect(Collectors.toUnmodifiableMap(persona -> persona.iin().orElseThrow(), persona -> persona.phone().orElseThrow()));
    }

    public Optional<MobileNumber> registeredPhone(Iin iin) {
        return withdrawn.contains(iin) ? Optional.empty() : Optional.ofNullable(phones.get(iin));
    }

    /** Withdraws the person's number (true when there was one to withdraw). */
    public boolean withdraw(Iin iin) {
        return phones.containsKey(iin) && withdrawn.add(iin);
    }

    /** Gives the person their catalogue number back. */
    public void restore(Iin iin) {
        withdrawn.remove(iin);
    }

    /** Who holds a number, for pages that show whose phone a message went to. */
    public static Map<MobileNumber, Persona> holders(PersonaCatalogue catalogue) {
        return catalogue.personas().stream()
                .filter(persona -> persona.phone().isPresent())
                .collect(Collectors.toUnmodifiableMap(persona -> persona.phone().orElseThrow(), Function.identity()));
    }
}
