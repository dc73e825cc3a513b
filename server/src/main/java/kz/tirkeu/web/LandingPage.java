package kz.tirkeu.web;

import kz.tirkeu.platform.web.PageController;
import java.util.List;
import kz.tirkeu.identity.web.PublicEndpoint;
import kz.tirkeu.platform.PlatformProperties;
import kz.tirkeu.regime.RegimeGate;
import kz.tirkeu.regime.RegimeStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What Tirkeu is and, in the sandbox, a five-minute walk-through with the personas to use and a car ready to register. */
@Controller
@PageController
@PublicEndpoint
class LandingPage {

    private final SandboxWalkthrough walkthrough;
    private final RegimeGate regimes;
    private final boolean sandbox;

    LandingPage(SandboxWalkthrough walkthrough, RegimeGate regimes, PlatformProperties properties) {
        this.walkthrough = walkthrough;
        this.regimes = regimes;
        this.sandbox = properties.sandbox().enabled();
    }

    @GetMapping("/")
    String landing(Model model) {
        model.addAttribute("sandbox", sandbox);
        model.addAttribute("readyCar", sandbox ? walkthrough.readyCar().orElse(null) : null);
        // Which experimental legal regime a new application would start under now, and how the others stand: a
        // newcomer learns before anything else that the pilot's own term has ended (31.08.2026).
        List<RegimeGate.InForce> all = regimes.inForce();
        model.addAttribute("regimes", all);
        model.addAttribute("activeRegime", all.stream().filter(r -> r.status() == RegimeStatus.ACTIVE).findFirst().orElse(null));
        return "landing";
    }
}
