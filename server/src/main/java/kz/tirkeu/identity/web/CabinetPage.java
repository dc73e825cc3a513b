package kz.tirkeu.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.identity.session.Sessions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The personal cabinet's entry page after sign-in, and signing out from the browser. */
@Controller
@AnySignedIn
class CabinetPage {

    private final Sessions sessions;

    CabinetPage(Sessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/cabinet")
    String cabinet(SignedInPerson person, Model model) {
        model.addAttribute("person", person);
        return "identity/cabinet";
    }

    @PostMapping("/signout")
    String signOut(SignedInPerson person, HttpServletResponse response) {
        sessions.end(person.sessionId(), "signed out");
        response.addHeader("Set-Cookie", SessionApi.expiredCookie());
        return "redirect:/signin?signedOut";
    }

    @PostMapping("/signout/everywhere")
    String signOutEverywhere(SignedInPerson person, HttpServletResponse response) {
        sessions.endAll(person.iin(), "signed out everywhere");
        response.addHeader("Set-Cookie", SessionApi.expiredCookie());
        return "redirect:/signin?signedOut";
    }
}
