package kz.tirkeu.application.web;

import kz.tirkeu.platform.CannotServe;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kz.tirkeu.application.ActionLog;
import kz.tirkeu.application.ApplicationProcess;
import kz.tirkeu.application.ApplicationQueries;
import kz.tirkeu.application.ApplicationRecord;
import kz.tirkeu.application.ApplicationStatus;
import kz.tirkeu.application.BuyerPhone;
import kz.tirkeu.application.BuyerSignature;
import kz.tirkeu.application.CollectionChoices;
import kz.tirkeu.application.FeePayment;
import kz.tirkeu.application.HumanReview;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.identity.web.Allowed;
import kz.tirkeu.platform.web.ProblemException;
import kz.tirkeu.statesystems.Answer;
import kz.tirkeu.statesystems.ServiceCentres;
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
 * The buyer's pages: the application with every fact the state systems gave, the experimental legal
 * regime notice before agreeing (S10), the PSC and plate type (S15), a phone when МБГ has none (S16),
 * payment on the gateway's page (S17), the signature (S18), and the timeline with what happens next.
 */
@Controller
@PageController
@Allowed(Role.BUYER)
class BuyerPages {

    /** Almaty city: the catalogue to show when ГБД ФЛ gave no region for the buyer. */
    private static final String DEFAULT_REGION = "02";

    private final ApplicationProcess process;
    private final CollectionChoices choices;
    private final BuyerPhone buyerPhone;
    private final FeePayment fees;
    private final BuyerSignature buyerSignature;
    private final ApplicationQueries queries;
    private final ActionLog log;
    private final ServiceCentres centres;
    private final InvoiceReturns invoices;
    private final NcaLayerAddress ncaLayer;
    private final HumanReview review;
    private final RegisteredDocuments documents;

    private final kz.tirkeu.regime.RegimeGate regimes;

    BuyerPages(ApplicationProcess process, CollectionChoices choices, BuyerPhone buyerPhone, FeePayment fees, BuyerSignature buyerSignature, ApplicationQueries queries, ActionLog log, ServiceCentres centres,
               InvoiceReturns invoices, NcaLayerAddress ncaLayer, HumanReview review, RegisteredDocuments documents,
               kz.tirkeu.regime.RegimeGate regimes) {
        this.review = review;
        this.regimes = regimes;
        this.process = process;
        this.choices = choices;
        this.buyerPhone = buyerPhone;
        this.fees = fees;
        this.buyerSignature = buyerSignature;
        this.queries = queries;
        this.log = log;
        this.centres = centres;
        this.invoices = invoices;
        this.ncaLayer = ncaLayer;
        this.documents = documents;
    }

    @GetMapping("/buyer/applications")
    String list(SignedInPerson buyer, Model model) {
        List<ApplicationRecord> records = queries.visibleTo(buyer, Optional.empty(), 50, 0);
        model.addAttribute("applications", records);
        return "buyer/applications";
    }

    @GetMapping("/buyer/applications/{number}")
    String application(SignedInPerson buyer, @PathVariable String number, @RequestParam(required = false) String region, Model model,
                       jakarta.servlet.http.HttpServletRequest request) {
        ApplicationRecord record = queries.visibleTo(buyer, number);
        ApplicationView view = view(record);
        ApplicationPage.fill(model, view);
        model.addAttribute("base", "/buyer/applications/");
        documents.fill(model, view);
        // Art. 52(3): before agreeing, the buyer reads the regime's own text, of the version the application started under.
        record.regime().map(regimes::summary).ifPresent(summary -> model.addAttribute("regime", summary));
        switch (view.status()) {
            case AWAITING_CHOICES -> choices(model, view, region);
            case AWAITING_BUYER_SIGNATURE -> {
                kz.tirkeu.notification.Language language = StatementLanguages.forPage(request);
                ApplicationPage.statement(model, buyerSignature.buyerStatement(buyer, number, language), language);
                model.addAttribute("ncaLayerUrl", ncaLayer.url());
            }
            default -> { }
        }
        return "buyer/application";
    }

    private void choices(Model model, ApplicationView view, String askedRegion) {
        String region = askedRegion != null && askedRegion.matches("\\d{2}") ? askedRegion
                : ApplicationPage.facts(view).stream().filter(g -> g.system().equals("INDIVIDUALS"))
                        .map(g -> g.facts().get("regionCode")).filter(r -> r != null).findFirst().orElse(DEFAULT_REGION);
        model.addAttribute("region", region);
        model.addAttribute("regions", java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> "%02d".formatted(i)).toList());
        model.addAttribute("plateTypes", choices.plateTypes());
        switch (centres.inRegion(region)) {
            case Answer.Found<List<ServiceCentres.ServiceCentre>> found -> model.addAttribute("centres", found.value());
            case Answer.NotFound<List<ServiceCentres.ServiceCentre>> none -> model.addAttribute("centres", List.of());
            case Answer.Unavailable<List<ServiceCentres.ServiceCentre>> down -> model.addAttribute("centresUnavailable", true);
        }
    }

    @GetMapping("/buyer/applications/{number}/progress")
    String progress(SignedInPerson buyer, @PathVariable String number, @RequestParam(required = false) ApplicationStatus shown,
                    Model model, HttpServletResponse response) {
        ApplicationView view = view(queries.visibleTo(buyer, number));
        if (shown != null && shown != view.status()) {
            response.setHeader("HX-Refresh", "true");
        }
        ApplicationPage.fill(model, view);
        model.addAttribute("base", "/buyer/applications/");
        return "application/parts :: progress";
    }

    /** S10. Agreeing needs the experimental-regime notice acknowledged; declining does not. */
    @PostMapping("/buyer/applications/{number}/consent")
    String consent(SignedInPerson buyer, @PathVariable String number, @RequestParam(defaultValue = "") String decision,
                   @RequestParam(defaultValue = "false") boolean regimeUnderstood, RedirectAttributes redirect) {
        boolean agree = "agree".equals(decision);
        if (agree && !regimeUnderstood) {
            redirect.addFlashAttribute("regimeError", true);
            return back(number);
        }
        if (!agree && !"decline".equals(decision)) {
            return back(number);
        }
        return act(number, redirect, () -> process.consent(buyer, number, agree));
    }

    @PostMapping("/buyer/applications/{number}/choices")
    String choose(SignedInPerson buyer, @PathVariable String number, @RequestParam(defaultValue = "") String pscCode,
                  @RequestParam(defaultValue = "") String plateType, RedirectAttributes redirect) {
        if (pscCode.isBlank() || plateType.isBlank()) {
            redirect.addFlashAttribute("choiceError", pscCode.isBlank() ? "error.psc.missing" : "error.plateType.missing");
            return back(number);
        }
        return act(number, redirect, () -> choices.choose(buyer, number, pscCode, plateType));
    }

    @PostMapping("/buyer/applications/{number}/phone")
    String phone(SignedInPerson buyer, @PathVariable String number, @RequestParam(defaultValue = "") String phone, Locale locale,
                 RedirectAttributes redirect) {
        redirect.addFlashAttribute("phone", phone);
        try {
            buyerPhone.enterPhone(buyer, number, phone, locale);
            redirect.addFlashAttribute("codeSent", true);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("phoneError", "error.phone.shape");
        } catch (CannotServe e) {
            SellerPages.flashProblem(redirect, e);
        }
        return back(number);
    }

    @PostMapping("/buyer/applications/{number}/phone/confirmation")
    String confirmPhone(SignedInPerson buyer, @PathVariable String number, @RequestParam(defaultValue = "") String code, RedirectAttributes redirect) {
        redirect.addFlashAttribute("codeSent", true);
        return act(number, redirect, () -> buyerPhone.confirmPhone(buyer, number, code.strip()));
    }

    /** S17: the invoice, then the gateway's own page; it sends the buyer back to /cabinet?invoiceId=…, which comes here. */
    @PostMapping("/buyer/applications/{number}/invoice")
    String pay(SignedInPerson buyer, @PathVariable String number, RedirectAttributes redirect) {
        try {
            return "redirect:" + fees.invoice(buyer, number).paymentPageUrl();
        } catch (CannotServe e) {
            SellerPages.flashProblem(redirect, e);
            return back(number);
        }
    }

    @GetMapping("/buyer/payments/{invoiceId}")
    String paymentReturn(SignedInPerson buyer, @PathVariable String invoiceId, @RequestParam(required = false) String status) {
        String number = invoices.applicationOf(invoiceId).orElseThrow(() -> new kz.tirkeu.application.ApplicationRefused("APPLICATION_NOT_FOUND", kz.tirkeu.platform.CannotServe.Reason.NOT_FOUND, "You have no application with this number."));
        queries.visibleTo(buyer, number); // someone else's invoice is "not found", like someone else's application
        return "redirect:/buyer/applications/" + number + ("DECLINED".equals(status) ? "?paymentDeclined" : "");
    }

    @PostMapping("/buyer/applications/{number}/signature")
    String sign(SignedInPerson buyer, @PathVariable String number, @RequestParam(defaultValue = "") String signature,
                @RequestParam(defaultValue = "") String language, RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request) {
        if (signature.isBlank()) {
            redirect.addFlashAttribute("problemCode", "SIGNATURE_MISSING");
            return back(number);
        }
        kz.tirkeu.notification.Language signed = kz.tirkeu.notification.Language.ofTag(language).orElse(StatementLanguages.forPage(request));
        return act(number, redirect, () -> buyerSignature.buyerSign(buyer, number, Base64.getMimeDecoder().decode(signature.strip()), signed));
    }

    /** Digital Code Art. 39: the buyer asks for a police officer to review the automated refusal. */
    @PostMapping("/buyer/applications/{number}/review-request")
    String askForReview(SignedInPerson buyer, @PathVariable String number, @RequestParam(defaultValue = "") String comment, RedirectAttributes redirect) {
        ReviewRequestForm.ask(review, buyer, number, comment, redirect);
        return back(number);
    }

    private String act(String number, RedirectAttributes redirect, Runnable step) {
        try {
            step.run();
        } catch (CannotServe e) {
            SellerPages.flashProblem(redirect, e);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problemCode", "INVALID_VALUE");
            redirect.addFlashAttribute("problemDetail", e.getMessage());
        }
        return back(number);
    }

    private static String back(String number) {
        return "redirect:/buyer/applications/" + number;
    }

    private ApplicationView view(ApplicationRecord record) {
        return ApplicationView.of(record, log.of(record.id()));
    }
}
