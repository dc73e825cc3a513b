package kz.tirkeu.regime;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Reading the register: every regime with its whole record, and its status now (for the public register and the officials). */
@Service
public class RegimeRegistry {

    private final RegimeRegister register;
    private final Clock clock;

    RegimeRegistry(RegimeRegister register, Clock clock) {
        this.register = register;
        this.clock = clock;
    }

    public List<Regime> all() {
        return register.all();
    }

    public Optional<Regime> find(String code) {
        return register.find(code);
    }

    public Instant now() {
        return clock.instant();
    }

    /** The exact signed bytes of a decision and its CMS, so that anyone can check it without the platform. */
    public Optional<byte[]> signedContent(String code, int seq) {
        return register.signedDecision(code, seq).map(RegimeRegister.SignedDecision::content);
    }

    public Optional<byte[]> signature(String code, int seq) {
        return register.signedDecision(code, seq).flatMap(RegimeRegister.SignedDecision::signature);
    }
}
