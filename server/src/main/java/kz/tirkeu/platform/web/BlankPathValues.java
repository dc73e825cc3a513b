package kz.tirkeu.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A path segment that is only blanks ({@code /sign-ins/%20/confirmation}) converts to no UUID at all, and Spring
 * reports that as a missing path variable, which fell through to a 500. It is malformed input, like a segment
 * that is no UUID. Found by the API fuzzer (issue [7]).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BlankPathValues {

    @ExceptionHandler(MissingPathVariableException.class)
    ResponseEntity<ProblemDetail> blank(MissingPathVariableException e, HttpServletRequest request) {
        if (!e.isMissingAfterConversion()) {
            // The mapping lacks the variable altogether: our fault, answered like any unexpected error.
            return ApiProblems.respond(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                    "Something went wrong on our side; nothing you sent was lost. Please try again; if it persists, quote the correlation id.", request);
        }
        return ApiProblems.respond(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                "The path value '" + e.getVariableName() + "' is blank: send the identifier the API gave you.", request);
    }
}
