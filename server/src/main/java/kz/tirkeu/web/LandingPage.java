package kz.tirkeu.web;

import kz.tirkeu.identity.web.PublicEndpoint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What Tirkeu is and, in the sandbox, a five-minute walk-through with the personas to use and a car ready to register. */
@Controller
@PageController
@PublicEndpoint
class LandingPage {

    private final SandboxWalkthrough walkthrough;
    private final boolean sandbox;

    LandingPage(SandboxWalkthrough walkthrough, @Value("${tirkeu.sandbox.enabled:true}") boolean sandbox) {
        this.walkthrough = walkthrough;
        this.sandbox = sandbox;
    }

    @GetMapping("/")
    String landing(Model model) {
        model.addAttribute("sandbox", sandbox);
        model.addAttribute("readyCar", sandbox ? walkthrough.readyCar().orElse(null) : null);
        return "landing";
    }
}
