package kz.tirkeu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import kz.tirkeu.pki.InvalidInputException;
import kz.tirkeu.pki.identity.InvalidIdentifierException;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

/**
 * Only what a caller sent can be the caller's mistake. An IllegalArgumentException from inside — a broken invariant,
 * a bad internal argument — is our fault: it must reach the 500 handler (correlation id, nothing internal shown), not
 * the 400 that repeats its message to the caller.
 */
class InternalFaultsTest {

    private final ExceptionHandlerMethodResolver handlers = new ExceptionHandlerMethodResolver(ApiProblems.class);

    @Test
    void anInternalIllegalArgumentIsOursNotTheCallers() {
        assertThat(handlers.resolveMethod(new IllegalArgumentException("entry 7 is no refusal but STARTED")).getName()).isEqualTo("unexpected");
    }

    @Test
    void invalidInputIsTheCallersAndSaysWhy() {
        assertThat(handlers.resolveMethod(new InvalidInputException("A VIN has 17 characters")).getName()).isEqualTo("badValue");
        assertThat(handlers.resolveMethod(new InvalidIdentifierException("An IIN has exactly 12 digits")).getName()).isEqualTo("badValue");
        assertThat(handlers.resolveMethod(new org.springframework.http.InvalidMediaTypeException("*/*", "wildcard type")).getName()).isEqualTo("badValue");
    }
}
