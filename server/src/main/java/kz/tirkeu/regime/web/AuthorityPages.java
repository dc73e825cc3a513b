package kz.tirkeu.regime.web;

import kz.tirkeu.platform.CannotServe;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.identity.web.Allowed;
import kz.tirkeu.platform.web.ProblemException;
import kz.tirkeu.regime.DecisionContent;
import kz.tirkeu.regime.DecisionKind;
import kz.tirkeu.regime.InvalidRegime;
import kz.tirkeu.regime.LegalAct;
import kz.tirkeu.regime.LocalizedText;
import kz.tirkeu.regime.Regime;
import kz.tirkeu.regime.RegimeDecisions;
import kz.tirkeu.regime.RegimeParameters;
import kz.tirkeu.regime.RegimeRegistry;
import kz.tirkeu.regime.TerminationGround;
import kz.tirkeu.regime.monitoring.DealerReports;
import kz.tirkeu.regime.monitoring.EvaluationReports;
import kz.tirkeu.regime.monitoring.Period;
import kz.tirkeu.regime.monitoring.RegimeMonitoring;
import kz.tirkeu.platform.NcaLayerAddress;
import kz.tirkeu.platform.web.PageController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorised body's pages for a regime (issue [6] points 2 and 5): its full indicators, the dealers' reports, the
 * evaluation reports to issue and download, and the decisions to take — each shown exactly as it will be signed and
 * signed with the official's SIGN key through NCALayer, then recorded by the same service as the API. Auditors read.
 */
@Controller
@PageController
class AuthorityPages {

    private final RegimeRegistry registry;
    private final RegimeDecisions decisions;
    private final RegimeMonitoring monitoring;
    private final DealerReports dealerReports;
    private final EvaluationReports evaluations;
    private final NcaLayerAddress ncaLayer;
    private final JsonMapper json;

    AuthorityPages(RegimeRegistry registry, RegimeDecisions decisions, RegimeMonitoring monitoring, DealerReports dealerReports,
                   EvaluationReports evaluations, NcaLayerAddress ncaLayer, JsonMapper json) {
        this.registry = registry;
        this.decisions = decisions;
        this.monitoring = monitoring;
        this.dealerReports = dealerReports;
        this.evaluations = evaluations;
        this.ncaLayer = ncaLayer;
        this.json = json;
    }

    @GetMapping("/authority/regimes")
    @Allowed({Role.REGIME_AUTHORITY, Role.AUDITOR})
    String list(Model model) {
        model.addAttribute("regimes", registry.all().stream().map(r -> RegimeView.of(r, registry.now())).toList());
        return "regimes/authority-list";
    }

    @GetMapping("/authority/regimes/{code}")
    @Allowed({Role.REGIME_AUTHORITY, Role.AUDITOR})
    String regime(SignedInPerson person, @PathVariable String code, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, Model model) {
        Regime regime = find(code);
        Period period;
        try {
            period = monitoring.period(code, from, to);
        } catch (CannotServe e) {
            model.addAttribute("problemCode", e.code());
            model.addAttribute("problemDetail", e.getMessage());
            period = monitoring.period(code, null, null);
        }
        model.addAttribute("regime", RegimeView.of(regime, registry.now()));
        model.addAttribute("period", period);
        model.addAttribute("indicators", monitoring.indicators(code, period));
        model.addAttribute("dealerReports", dealerReports.of(code, Optional.empty(), Optional.empty()));
        model.addAttribute("evaluations", evaluations.of(code));
        model.addAttribute("mayDecide", person.has(Role.REGIME_AUTHORITY));
        model.addAttribute("kinds", List.of(DecisionKind.ESTABLISHED, DecisionKind.SUSPENDED, DecisionKind.RESUMED, DecisionKind.SUBJECT_ADMITTED,
                DecisionKind.SUBJECT_EXCLUDED, DecisionKind.MODIFIED, DecisionKind.TERMINATED));
        // The term's expiry takes effect by itself: no one decides it.
        model.addAttribute("grounds", java.util.Arrays.stream(TerminationGround.values()).filter(g -> g != TerminationGround.TERM_EXPIRED).toList());
        if (!model.containsAttribute("parametersJson")) {
            model.addAttribute("parametersJson", json.writerWithDefaultPrettyPrinter().writeValueAsString(regime.latest()));
        }
        return "regimes/authority-regime";
    }

    /** The decision as it will be signed: the platform checks it may be taken now, and shows its exact bytes. */
    @PostMapping("/authority/regimes/{code}/decisions/to-sign")
    @Allowed(Role.REGIME_AUTHORITY)
    String prepare(SignedInPerson official, @PathVariable String code, @RequestParam DecisionKind kind,
                   @RequestParam(defaultValue = "") String actTitle, @RequestParam(defaultValue = "") String actNumber,
                   @RequestParam(defaultValue = "") String actDate, @RequestParam(defaultValue = "") String actIssuer,
                   @RequestParam(defaultValue = "") String actReference, @RequestParam(defaultValue = "") String reasonKk,
                   @RequestParam(defaultValue = "") String reasonRu, @RequestParam(defaultValue = "") String reasonEn,
                   @RequestParam(defaultValue = "") String subjectBin, @RequestParam(defaultValue = "") String subjectName,
                   @RequestParam(required = false) TerminationGround ground, @RequestParam(defaultValue = "") String effectiveOn,
                   @RequestParam(defaultValue = "") String parameters, Model model, RedirectAttributes redirect) {
        try {
            LegalAct basis = new LegalAct(LocalizedText.of(actTitle, actTitle, actTitle),
                    List.of(new LegalAct.Issue(actNumber.strip(), date(actDate, "ACT_DATE_INVALID"), LocalizedText.of(actIssuer, actIssuer, actIssuer))),
                    actReference);
            LocalizedText reason = reasonKk.isBlank() && reasonRu.isBlank() && reasonEn.isBlank() ? null : LocalizedText.of(reasonKk, reasonRu, reasonEn);
            RegimeParameters changed = kind == DecisionKind.MODIFIED ? parameters(parameters) : null;
            RegimeDecisions.ToSign toSign = decisions.prepare(code, new RegimeDecisions.Draft(kind,
                    effectiveOn.isBlank() ? null : date(effectiveOn, "EFFECTIVE_DATE_INVALID"), basis, reason, changed, subjectBin, subjectName, ground), official);
            model.addAttribute("regime", RegimeView.of(find(code), registry.now()));
            model.addAttribute("decisionJson", json.writeValueAsString(toSign.decision()));
            model.addAttribute("dataToSign", toSign.dataToSign());
            model.addAttribute("statementText", new String(Base64.getDecoder().decode(toSign.dataToSign()), StandardCharsets.UTF_8));
            model.addAttribute("ncaLayerUrl", ncaLayer.url());
            return "regimes/authority-sign";
        } catch (CannotServe e) {
            redirect.addFlashAttribute("problemCode", e.code());
            redirect.addFlashAttribute("problemDetail", e.getMessage());
            redirect.addFlashAttribute("parametersJson", parameters.isBlank() ? null : parameters);
            return "redirect:/authority/regimes/" + code + "#decide";
        }
    }

    @PostMapping("/authority/regimes/{code}/decisions")
    @Allowed(Role.REGIME_AUTHORITY)
    String record(SignedInPerson official, @PathVariable String code, @RequestParam(defaultValue = "") String decision,
                  @RequestParam(defaultValue = "") String signature, RedirectAttributes redirect) {
        try {
            if (signature.isBlank()) {
                throw new InvalidRegime("SIGNATURE_MISSING", "The signature did not arrive.");
            }
            DecisionContent content = json.readValue(decision, DecisionContent.class);
            if (!code.equals(content.regime())) {
                throw new InvalidRegime("DECISION_MALFORMED", "The decision is for another regime.").situation("otherRegimePage");
            }
            decisions.record(content, Base64.getMimeDecoder().decode(signature.strip()), official);
            redirect.addFlashAttribute("recorded", true);
        } catch (CannotServe e) {
            redirect.addFlashAttribute("problemCode", e.code());
            redirect.addFlashAttribute("problemDetail", e.getMessage());
        } catch (RuntimeException malformed) {
            redirect.addFlashAttribute("problemCode", "DECISION_MALFORMED");
        }
        return "redirect:/authority/regimes/" + code;
    }

    @PostMapping("/authority/regimes/{code}/evaluations")
    @Allowed(Role.REGIME_AUTHORITY)
    String evaluate(@PathVariable String code, @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                    RedirectAttributes redirect) {
        try {
            EvaluationReports.Issued issued = evaluations.issue(code, Period.parse(from.isBlank() ? null : from, to.isBlank() ? null : to));
            redirect.addFlashAttribute("issued", issued.number());
        } catch (CannotServe e) {
            redirect.addFlashAttribute("problemCode", e.code());
            redirect.addFlashAttribute("problemDetail", e.getMessage());
        }
        return "redirect:/authority/regimes/" + code + "#evaluations";
    }

    private RegimeParameters parameters(String text) {
        try {
            return json.readValue(text, RegimeParameters.class);
        } catch (RuntimeException e) {
            throw new InvalidRegime("PARAMETERS_MALFORMED", "The regime's parameters are not valid JSON of a regime record: " + e.getMessage(), String.valueOf(e.getMessage()));
        }
    }

    private static LocalDate date(String text, String code) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRegime(code, "Give the date as YYYY-MM-DD; given " + text + ".", text);
        }
    }

    private Regime find(String code) {
        return registry.find(code).orElseThrow(() -> new InvalidRegime("REGIME_NOT_FOUND", CannotServe.Reason.NOT_FOUND, "There is no regime " + code + ".", String.valueOf(code)));
    }
}
