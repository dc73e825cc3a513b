package kz.tirkeu.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.identity.session.Sessions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The personal cabinet's entry page after sign-in, and signing out from the browser. */
@Controller
@AnySignedIn
class CabinetPage {

    private final Sessions sessions;
    private final SessionCookies cookies;

    CabinetPage(Sessions sessions, SessionCookies cookies) {
        this.sessions = sessions;
        this.cookies = cookies;
    }

    /**
     * The payment gateway sends the buyer back here ({@code ?invoiceId=…&status=PAID}): on to the application
     * the invoice was for.
     */
    @GetMapping("/cabinet")
    String cabinet(SignedInPerson person, Model model, @RequestParam(required = false) String invoiceId, @RequestParam(required = false) String status) {
        if (invoiceId != null && invoiceId.matches("[A-Za-z0-9_-]{1,100}")) {
            return "redirect:/buyer/payments/" + invoiceId + (status != null && status.matches("[A-Z]{1,20}") ? "?status=" + status : "");
        }
        model.addAttribute("person", person);
        return "identity/cabinet";
    }

    @PostMapping("/signout")
    String signOut(SignedInPerson person, HttpServletResponse response) {
        sessions.end(person.sessionId(), "signed out");
        response.addHeader("Set-Cookie", cookies.clearSession());
        return "redirect:/signin?signedOut";
    }

    @PostMapping("/signout/everywhere")
    String signOutEverywhere(SignedInPerson person, HttpServletResponse response) {
        sessions.endAll(person.iin(), "signed out everywhere");
        response.addHeader("Set-Cookie", cookies.clearSession());
        return "redirect:/signin?signedOut";
    }
}
