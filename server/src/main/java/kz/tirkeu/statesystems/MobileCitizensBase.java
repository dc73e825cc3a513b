package kz.tirkeu.statesystems;

import kz.tirkeu.pki.identity.Iin;

/**
 * МБГ (мобильдік азаматтар базасы / mobile citizens base): the phone a person registered with the
 * state. Second factors go to this number (Digital Code Art. 31(2)); the platform never asks for it.
 */
public interface MobileCitizensBase {

    PhoneLookup registeredPhone(Iin iin);

    /** The answer of МБГ. {@link Unavailable} is not "no phone": the caller must not act as if there were none. */
    sealed interface PhoneLookup {
        record Registered(PhoneNumber phone) implements PhoneLookup {}

        record NotRegistered() implements PhoneLookup {}

        record Unavailable(String why) implements PhoneLookup {}
    }
}
