package kz.tirkeu.regime;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The regime register's settings.
 *
 * @param sandboxRegime   whether the sandbox's own test regime (no legal force) is recorded at start-up, so that the
 *                        default run can be tried end to end after the real pilot's term; follows tirkeu.sandbox.enabled
 * @param sandboxSubjects the dealers admitted to it, "BIN name": the sandbox's dealers
 */
@ConfigurationProperties("tirkeu.regime")
public record RegimeProperties(boolean sandboxRegime, List<String> sandboxSubjects) {

    public RegimeProperties {
        sandboxSubjects = sandboxSubjects == null ? List.of() : List.copyOf(sandboxSubjects);
    }
}
