package kz.tirkeu.application.web;

import kz.tirkeu.platform.CannotServe;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import kz.tirkeu.application.ActionLog;
import kz.tirkeu.application.ApplicationProcess;
import kz.tirkeu.application.ApplicationQueries;
import kz.tirkeu.application.ApplicationRecord;
import kz.tirkeu.application.ApplicationStatus;
import kz.tirkeu.application.HumanReview;
import kz.tirkeu.application.SellerSignature;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.identity.web.Allowed;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.platform.web.ProblemException;
import kz.tirkeu.statesystems.Vin;
import kz.tirkeu.platform.NcaLayerAddress;
import kz.tirkeu.platform.web.PageController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dealer's pages: a new application (S1–S8), its live progress, the correction of a wrong IIN (S7),
 * the signature (S9, through NCALayer), and the organisation's applications. The same services as the
 * API; field errors are message keys, shown in the person's language.
 */
@Controller
@PageController
@Allowed(Role.SELLER)
class SellerPages {

    private final ApplicationProcess process;
    private final SellerSignature signature;
    private final ApplicationQueries queries;
    private final ActionLog log;
    private final NcaLayerAddress ncaLayer;
    private final HumanReview review;

    SellerPages(ApplicationProcess process, SellerSignature signature, ApplicationQueries queries, ActionLog log, NcaLayerAddress ncaLayer,
                HumanReview review) {
        this.review = review;
        this.process = process;
        this.signature = signature;
        this.queries = queries;
        this.log = log;
        this.ncaLayer = ncaLayer;
    }

    @GetMapping("/seller/applications")
    String list(SignedInPerson seller, @RequestParam Optional<ApplicationStatus> status, @RequestParam(defaultValue = "0") int page, Model model) {
        int size = 20;
        List<ApplicationRecord> records = queries.visibleTo(seller, status, size + 1, kz.tirkeu.platform.web.Paging.offset(page, size));
        model.addAttribute("applications", records.stream().limit(size).toList());
        model.addAttribute("hasNext", records.size() > size);
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("status", status.orElse(null));
        model.addAttribute("statuses", ApplicationStatus.values());
        return "seller/applications";
    }

    @GetMapping("/seller/applications/new")
    String form(Model model) {
        return "seller/new";
    }

    @PostMapping("/seller/applications")
    String start(SignedInPerson seller, @RequestParam(defaultValue = "") String vin, @RequestParam(defaultValue = "") String buyerIin,
                 @RequestParam(required = false) String requestId, Model model) {
        model.addAttribute("vin", vin);
        model.addAttribute("buyerIin", buyerIin);
        Vin parsedVin = null;
        try {
            parsedVin = Vin.parse(vin);
        } catch (IllegalArgumentException e) {
            model.addAttribute("vinError", vin.isBlank() ? "error.vin.missing" : "error.vin.shape");
        }
        String iin = buyerIin.strip();
        if (!Iin.isValid(iin)) {
            model.addAttribute("iinError", iin.isEmpty() ? "error.iin.missing" : "error.iin.shape");
        }
        if (model.containsAttribute("vinError") || model.containsAttribute("iinError")) {
            return "seller/new";
        }
        try {
            ApplicationRecord record = process.start(seller, parsedVin, Iin.of(iin), kz.tirkeu.regime.SpecialRules.Channel.EGOV_PORTAL);
            return "redirect:/seller/applications/" + record.number();
        } catch (CannotServe e) {
            model.addAttribute("problemCode", e.code());
            model.addAttribute("problemDetail", e instanceof kz.tirkeu.platform.web.LocalizedProblem localized
                    ? localized.message(org.springframework.context.i18n.LocaleContextHolder.getLocale()) : e.getMessage());
            return "seller/new";
        }
    }

    @GetMapping("/seller/applications/{number}")
    String application(SignedInPerson seller, @PathVariable String number, Model model, jakarta.servlet.http.HttpServletRequest request) {
        ApplicationView view = view(queries.visibleTo(seller, number));
        ApplicationPage.fill(model, view);
        model.addAttribute("base", "/seller/applications/");
        if (view.status() == ApplicationStatus.AWAITING_SELLER_SIGNATURE) {
            kz.tirkeu.notification.Language language = StatementLanguages.forPage(request);
            ApplicationPage.statement(model, signature.statement(seller, number, language), language);
            model.addAttribute("ncaLayerUrl", ncaLayer.url());
        }
        return "seller/application";
    }

    /** The live part, polled by htmx; when the status has moved on, the whole page reloads to show the next step. */
    @GetMapping("/seller/applications/{number}/progress")
    String progress(SignedInPerson seller, @PathVariable String number, @RequestParam(required = false) ApplicationStatus shown,
                    Model model, HttpServletResponse response) {
        ApplicationView view = view(queries.visibleTo(seller, number));
        if (shown != null && shown != view.status()) {
            response.setHeader("HX-Refresh", "true");
        }
        ApplicationPage.fill(model, view);
        model.addAttribute("base", "/seller/applications/");
        return "application/parts :: progress";
    }

    @PostMapping("/seller/applications/{number}/restart")
    String startAgain(SignedInPerson seller, @PathVariable String number, RedirectAttributes redirect) {
        try {
            return "redirect:/seller/applications/" + process.startAgain(seller, number, kz.tirkeu.regime.SpecialRules.Channel.EGOV_PORTAL).number();
        } catch (CannotServe e) {
            flashProblem(redirect, e);
            return "redirect:/seller/applications/" + number;
        }
    }

    @PostMapping("/seller/applications/{number}/buyer-iin")
    String correct(SignedInPerson seller, @PathVariable String number, @RequestParam(defaultValue = "") String buyerIin, RedirectAttributes redirect) {
        String iin = buyerIin.strip();
        if (!Iin.isValid(iin)) {
            redirect.addFlashAttribute("iinError", iin.isEmpty() ? "error.iin.missing" : "error.iin.shape");
            redirect.addFlashAttribute("buyerIin", buyerIin);
            return "redirect:/seller/applications/" + number;
        }
        try {
            process.correctBuyer(seller, number, Iin.of(iin));
        } catch (CannotServe e) {
            flashProblem(redirect, e);
        }
        return "redirect:/seller/applications/" + number;
    }

    @PostMapping("/seller/applications/{number}/signature")
    String sign(SignedInPerson seller, @PathVariable String number, @RequestParam(defaultValue = "") String signature,
                @RequestParam(defaultValue = "") String language, RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request) {
        if (signature.isBlank()) {
            redirect.addFlashAttribute("problemCode", "SIGNATURE_MISSING");
            return "redirect:/seller/applications/" + number;
        }
        try {
            // The language of the statement the page showed (a hidden field), so a language switch in between changes nothing.
            this.signature.sign(seller, number, Base64.getMimeDecoder().decode(signature.strip()),
                    kz.tirkeu.notification.Language.ofTag(language).orElse(StatementLanguages.forPage(request)));
            redirect.addFlashAttribute("signed", true);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problemCode", "SIGNATURE_MISSING");
        } catch (CannotServe e) {
            flashProblem(redirect, e);
        }
        return "redirect:/seller/applications/" + number;
    }

    /** Digital Code Art. 39: the dealer asks for a police officer to review the automated refusal. */
    @PostMapping("/seller/applications/{number}/review-request")
    String askForReview(SignedInPerson seller, @PathVariable String number, @RequestParam(defaultValue = "") String comment, RedirectAttributes redirect) {
        ReviewRequestForm.ask(review, seller, number, comment, redirect);
        return "redirect:/seller/applications/" + number;
    }

    static void flashProblem(RedirectAttributes redirect, CannotServe e) {
        redirect.addFlashAttribute("problemCode", e.code());
        redirect.addFlashAttribute("problemDetail", e.getMessage());
    }

    private ApplicationView view(ApplicationRecord record) {
        return ApplicationView.of(record, log.of(record.id()));
    }
}
