package kz.tirkeu.regime.web;

import kz.tirkeu.platform.CannotServe;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.identity.web.Allowed;
import kz.tirkeu.platform.web.ProblemException;
import kz.tirkeu.regime.Regime;
import kz.tirkeu.regime.RegimeDates;
import kz.tirkeu.regime.RegimeRegistry;
import kz.tirkeu.regime.monitoring.DealerReportContent;
import kz.tirkeu.regime.monitoring.DealerReports;
import kz.tirkeu.platform.NcaLayerAddress;
import kz.tirkeu.platform.web.PageController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dealer's periodic report to the authorised body, as a form (issue [6] point 5): written by anyone of the dealer,
 * shown exactly as it will be signed, signed by the first head through NCALayer. The same service as the API.
 */
@Controller
@PageController
@Allowed(Role.SELLER)
class DealerReportPages {

    private final DealerReports reports;
    private final RegimeRegistry registry;
    private final NcaLayerAddress ncaLayer;
    private final JsonMapper json;

    DealerReportPages(DealerReports reports, RegimeRegistry registry, NcaLayerAddress ncaLayer, JsonMapper json) {
        this.reports = reports;
        this.registry = registry;
        this.ncaLayer = ncaLayer;
        this.json = json;
    }

    @GetMapping("/seller/regime-reports")
    String form(SignedInPerson dealer, Model model) {
        LocalDate today = RegimeDates.dayOf(registry.now());
        if (!model.containsAttribute("from")) {
            model.addAttribute("from", today.withDayOfMonth(1).toString());
            model.addAttribute("to", today.toString());
        }
        return page(dealer, model);
    }

    @PostMapping("/seller/regime-reports/to-sign")
    String prepare(SignedInPerson dealer, @RequestParam(defaultValue = "") String regime, @RequestParam(defaultValue = "") String from,
                   @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String activity,
                   @RequestParam(defaultValue = "") String problems, @RequestParam(defaultValue = "") String proposals, Model model) {
        model.addAttribute("regime", regime);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("activity", activity);
        model.addAttribute("problems", problems);
        model.addAttribute("proposals", proposals);
        try {
            DealerReports.ToSign toSign = reports.prepare(regime, new DealerReports.Draft(blankToNull(from), blankToNull(to), activity, problems, proposals), dealer);
            model.addAttribute("toSign", toSign);
            model.addAttribute("reportJson", json.writeValueAsString(toSign.report()));
            model.addAttribute("dataToSign", toSign.dataToSign());
            model.addAttribute("statementText", new String(Base64.getDecoder().decode(toSign.dataToSign()), StandardCharsets.UTF_8));
            model.addAttribute("ncaLayerUrl", ncaLayer.url());
        } catch (CannotServe e) {
            model.addAttribute("problemCode", e.code());
            model.addAttribute("problemDetail", e.getMessage());
        }
        return page(dealer, model);
    }

    @PostMapping("/seller/regime-reports")
    String submit(SignedInPerson dealer, @RequestParam(defaultValue = "") String report, @RequestParam(defaultValue = "") String signature,
                  RedirectAttributes redirect) {
        try {
            if (signature.isBlank()) {
                redirect.addFlashAttribute("problemCode", "SIGNATURE_MISSING");
                return "redirect:/seller/regime-reports";
            }
            DealerReportContent content = json.readValue(report, DealerReportContent.class);
            reports.submit(content.regime(), content, Base64.getMimeDecoder().decode(signature.strip()), dealer);
            redirect.addFlashAttribute("submitted", true);
        } catch (CannotServe e) {
            redirect.addFlashAttribute("problemCode", e.code());
            redirect.addFlashAttribute("problemDetail", e.getMessage());
        } catch (RuntimeException malformed) {
            // Not the JSON this page put in the form, or not base64: the form was tampered with or cut short.
            redirect.addFlashAttribute("problemCode", "REPORT_MALFORMED");
        }
        return "redirect:/seller/regime-reports";
    }

    private String page(SignedInPerson dealer, Model model) {
        String bin = dealer.bin().map(b -> b.value()).orElse("");
        List<Regime> theirs = registry.all().stream()
                .filter(r -> r.versions().values().stream().anyMatch(v -> v.subjects().stream().anyMatch(s -> s.bin().equals(bin))))
                .toList();
        model.addAttribute("regimes", theirs.stream().map(r -> RegimeView.of(r, registry.now())).toList());
        model.addAttribute("reports", theirs.stream().flatMap(r -> reports.of(r.code(), dealer.bin(), Optional.empty()).stream()).toList());
        model.addAttribute("isHead", dealer.bin().map(dealer::isHeadOf).orElse(false));
        return "regimes/dealer-reports";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
