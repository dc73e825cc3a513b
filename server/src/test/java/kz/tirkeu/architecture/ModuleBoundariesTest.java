package kz.tirkeu.architecture;

import kz.tirkeu.TirkeuApplication;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The business areas are top-level packages that use one another only through their API (the types in the area's own
 * package and its named interfaces) and never in a cycle. Spring Modulith reads this from the bytecode; any violation
 * fails the build with the offending dependency named.
 */
class ModuleBoundariesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(TirkeuApplication.class,
            // pki and sandbox are libraries of their own Maven modules that happen to share the base package: what the
            // server uses of them is their public API, not a business area's internals.
            resideInAnyPackage("kz.tirkeu.pki..", "kz.tirkeu.sandbox.."));

    @Test
    void theAreasKeepTheirBoundaries() {
        MODULES.verify();
    }
}
