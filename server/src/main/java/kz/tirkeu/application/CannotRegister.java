package kz.tirkeu.application;

import java.util.Map;

/**
 * An officer asked to register a vehicle that the decision's checks refuse. Carries which refusal and
 * what was found, so that the officer's page can say it in the officer's language and the API can name it.
 */
public class CannotRegister extends ApplicationRefused {

    private final Refusal refusal;
    private final String found;

    CannotRegister(Refusal refusal, String found) {
        super("CANNOT_REGISTER", Reason.CONFLICT,
                "The vehicle cannot be registered: " + refusal.message() + " (" + found + ") Refuse the application with a reason, or release the case.",
                named("refusal." + refusal.name(), refusal.message()), found);
        this.refusal = refusal;
        this.found = found;
    }

    public Refusal refusal() {
        return refusal;
    }

    /** What the check found, as the state system answered it (not translated: it is evidence). */
    public String found() {
        return found;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("refusal", refusal.name(), "step", refusal.step().name(), "found", found);
    }
}
