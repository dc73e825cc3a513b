package kz.tirkeu.identity.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A page that needs a session sends the browser to sign in, instead of showing it a JSON problem. */
@ControllerAdvice(assignableTypes = CabinetPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(NotSignedIn.class)
    String signIn() {
        return "redirect:/signin";
    }
}
