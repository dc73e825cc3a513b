package kz.tirkeu.regime.web;

import kz.tirkeu.platform.CannotServe;
import java.util.List;
import kz.tirkeu.identity.web.PublicEndpoint;
import kz.tirkeu.regime.InvalidRegime;
import kz.tirkeu.regime.Regime;
import kz.tirkeu.regime.RegimeParameters;
import kz.tirkeu.regime.RegimeRegistry;
import kz.tirkeu.regime.monitoring.Period;
import kz.tirkeu.regime.monitoring.RegimeMonitoring;
import kz.tirkeu.platform.web.PageController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public register of experimental legal regimes as pages, in Kazakh, Russian and English (Digital Code Art. 56;
 * dissertation art. 19): every regime with its legal basis, term, territory, admitted organisations, status, the
 * history of decisions, every version, and the published results. No sign-in, and no individual is named.
 */
@Controller
@PageController
@PublicEndpoint // the law makes the register public
class RegimePages {

    /** The published figures the page shows (the JSON and CSV have them all). */
    public static final List<String> FIGURES = List.of("started", "registered", "handedOver", "refused", "declined", "expired",
            "startToRegisteredMedian", "registeredToHandoverMedian", "reviewsAsked", "reviewsOverturned", "outageWaits");

    private final RegimeRegistry registry;
    private final RegimeMonitoring monitoring;

    RegimePages(RegimeRegistry registry, RegimeMonitoring monitoring) {
        this.registry = registry;
        this.monitoring = monitoring;
    }

    @GetMapping("/regimes")
    String list(Model model) {
        List<RegimeView> regimes = registry.all().stream().map(r -> RegimeView.of(r, registry.now())).toList();
        model.addAttribute("regimes", regimes);
        return "regimes/list";
    }

    @GetMapping("/regimes/{code}")
    String regime(@PathVariable String code, @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        Regime regime = find(code);
        RegimeView view = RegimeView.of(regime, registry.now());
        Period period = monitoring.period(code, from, to);
        model.addAttribute("regime", view);
        model.addAttribute("shown", view.parameters());
        model.addAttribute("shownVersion", view.version());
        model.addAttribute("versions", regime.versions().keySet());
        model.addAttribute("results", monitoring.published(code, period));
        model.addAttribute("period", period);
        return "regimes/regime";
    }

    /** An earlier (or the current) version as it was recorded: nothing is overwritten, every version stays readable. */
    @GetMapping("/regimes/{code}/versions/{version}")
    String version(@PathVariable String code, @PathVariable int version, Model model) {
        Regime regime = find(code);
        RegimeParameters parameters = regime.versions().get(version);
        if (parameters == null) {
            throw new InvalidRegime("VERSION_NOT_FOUND", CannotServe.Reason.NOT_FOUND, "Regime " + code + " has no version " + version + ".", String.valueOf(code), String.valueOf(version));
        }
        model.addAttribute("regime", RegimeView.of(regime, registry.now()));
        model.addAttribute("shown", parameters);
        model.addAttribute("shownVersion", version);
        model.addAttribute("versions", regime.versions().keySet());
        return "regimes/regime";
    }

    private Regime find(String code) {
        return registry.find(code).orElseThrow(() -> new InvalidRegime("REGIME_NOT_FOUND", CannotServe.Reason.NOT_FOUND, "There is no regime " + code + ".", String.valueOf(code)));
    }
}
