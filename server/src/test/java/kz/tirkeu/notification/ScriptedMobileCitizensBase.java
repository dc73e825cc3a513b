package kz.tirkeu.notification;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.statesystems.MobileCitizensBase;
import kz.tirkeu.statesystems.PhoneNumber;

/** МБГ as each test scripts it, per person; a person nobody scripted has no phone registered. */
final class ScriptedMobileCitizensBase implements MobileCitizensBase {

    private final Map<String, PhoneLookup> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();

    void register(Iin person, PhoneNumber phone) {
        answers.put(person.value(), new PhoneLookup.Registered(phone));
    }

    void unavailableFor(Iin person) {
        answers.put(person.value(), new PhoneLookup.Unavailable("МБГ timed out (scripted)"));
    }

    int timesAsked(Iin person) {
        AtomicInteger count = asked.get(person.value());
        return count == null ? 0 : count.get();
    }

    @Override
    public PhoneLookup registeredPhone(Iin iin) {
        asked.computeIfAbsent(iin.value(), k -> new AtomicInteger()).incrementAndGet();
        return answers.getOrDefault(iin.value(), new PhoneLookup.NotRegistered());
    }
}
