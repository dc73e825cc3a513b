package kz.tirkeu.issuance.psc;

import kz.tirkeu.platform.CannotServe;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.identity.web.Allowed;
import kz.tirkeu.platform.web.LiveLists;
import kz.tirkeu.platform.web.ProblemException;
import kz.tirkeu.platform.web.PageController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The PSC operator's pages (P7–P10): the documents the PSC expects, reception with an electronic
 * queue ticket, and the handover at the issuance desk. They call {@link PscCollections}, as the API
 * does; a refusal (not ready, not the owner's document, other plates) is shown on the page in the
 * operator's language with what to do, and what was typed is kept.
 */
@Controller
@PageController
@Allowed(Role.PSC_OPERATOR)
class PscPages {

    private final PscCollections collections;
    private final PscCentres centres;
    private final LiveLists liveLists;

    PscPages(PscCollections collections, PscCentres centres, LiveLists liveLists) {
        this.collections = collections;
        this.centres = centres;
        this.liveLists = liveLists;
    }

    /** An operator of one PSC goes straight to its collections; one of several chooses. */
    @GetMapping("/psc")
    String start(SignedInPerson operator, Model model) {
        List<String> codes = operator.scopesOf(Role.PSC_OPERATOR).stream().sorted().toList();
        if (codes.size() == 1) {
            return "redirect:/psc/" + codes.getFirst() + "/collections";
        }
        model.addAttribute("centres", codes.stream().map(centres::of).toList());
        return "psc/start";
    }

    @GetMapping("/psc/{pscCode}/collections")
    String collections(SignedInPerson operator, @PathVariable String pscCode, @RequestParam(required = false) String status,
                       @RequestParam(required = false) Boolean overdue, Model model, HttpServletResponse response) {
        String shown = status == null || !PscCollections.STATUSES.contains(status.toUpperCase(Locale.ROOT)) ? null : status.toUpperCase(Locale.ROOT);
        boolean onlyOverdue = Boolean.TRUE.equals(overdue);
        try {
            List<CollectionView> expected = collections.expected(operator, pscCode, shown, onlyOverdue ? true : null);
            model.addAttribute("collections", expected.stream()
                    .sorted(Comparator.comparing(CollectionView::overdue).reversed()).toList()); // the overdue ones first: they need action
            model.addAttribute("overdueCount", expected.stream().filter(CollectionView::overdue).count());
        } catch (CannotServe e) {
            return problem(e, model, response);
        }
        model.addAttribute("centre", centres.of(pscCode));
        model.addAttribute("statuses", List.of("IN_PRODUCTION", "READY", "HANDED_OVER"));
        model.addAttribute("status", shown);
        model.addAttribute("overdue", onlyOverdue);
        model.addAttribute("liveTrigger", liveLists.trigger("collections-live"));
        return "psc/collections";
    }

    /** The find form of the issuance desk: by the number the buyer shows. */
    @GetMapping("/psc/{pscCode}/issuance")
    String find(SignedInPerson operator, @PathVariable String pscCode, @RequestParam(defaultValue = "") String applicationNumber,
                RedirectAttributes redirect) {
        String number = normalised(applicationNumber);
        try {
            if (number.isEmpty()) {
                throw new ProblemException("APPLICATION_NUMBER_MISSING", org.springframework.http.HttpStatus.BAD_REQUEST, "Type the application number.");
            }
            collections.find(operator, pscCode, number);
            return "redirect:/psc/" + pscCode + "/collections/" + number;
        } catch (CannotServe e) {
            flash(redirect, e);
            redirect.addFlashAttribute("findNumber", applicationNumber);
            return "redirect:/psc/" + pscCode + "/collections";
        }
    }

    @GetMapping("/psc/{pscCode}/reception")
    String receptionForm(SignedInPerson operator, @PathVariable String pscCode, Model model, HttpServletResponse response) {
        if (!operator.scopesOf(Role.PSC_OPERATOR).contains(pscCode)) {
            return problem(notYours(operator, pscCode), model, response);
        }
        model.addAttribute("centre", centres.of(pscCode));
        return "psc/reception";
    }

    /** P8: identity checked, a ticket issued; the ticket has its own address, so a reload shows it again and issues nothing. */
    @PostMapping("/psc/{pscCode}/reception")
    String receive(SignedInPerson operator, @PathVariable String pscCode, @RequestParam(defaultValue = "") String applicationNumber,
                   @RequestParam(defaultValue = "") String iin, @RequestParam(defaultValue = "") String documentNumber,
                   @RequestParam(defaultValue = "") String shareCode, RedirectAttributes redirect) {
        String number = normalised(applicationNumber);
        try {
            BuyerIdentity.Proof proof = new BuyerIdentity.Proof(blankToNull(iin), blankToNull(documentNumber), blankToNull(shareCode));
            PscCollections.Reception reception = collections.receive(operator, pscCode, number, proof);
            return "redirect:/psc/" + pscCode + "/reception/" + reception.collections().getFirst().applicationNumber();
        } catch (CannotServe e) {
            flash(redirect, e);
            redirect.addFlashAttribute("applicationNumber", applicationNumber);
            redirect.addFlashAttribute("iin", iin);
            redirect.addFlashAttribute("documentNumber", documentNumber);
            return "redirect:/psc/" + pscCode + "/reception";
        }
    }

    @GetMapping("/psc/{pscCode}/reception/{applicationNumber}")
    String ticket(SignedInPerson operator, @PathVariable String pscCode, @PathVariable String applicationNumber, Model model,
                  HttpServletResponse response) {
        try {
            CollectionView collection = collections.find(operator, pscCode, applicationNumber);
            if (collection.queueTicket() == null) {
                return "redirect:/psc/" + pscCode + "/reception";
            }
            model.addAttribute("collection", collection);
            model.addAttribute("ticketFor", collections.sameTicket(operator, pscCode, applicationNumber));
        } catch (CannotServe e) {
            return problem(e, model, response);
        }
        model.addAttribute("centre", centres.of(pscCode));
        return "psc/ticket";
    }

    @GetMapping("/psc/{pscCode}/collections/{applicationNumber}")
    String collection(SignedInPerson operator, @PathVariable String pscCode, @PathVariable String applicationNumber, Model model,
                      HttpServletResponse response) {
        try {
            model.addAttribute("collection", collections.find(operator, pscCode, applicationNumber));
        } catch (CannotServe e) {
            return problem(e, model, response);
        }
        model.addAttribute("centre", centres.of(pscCode));
        return "psc/collection";
    }

    /** P9–P10: identity again, and what is actually handed over, which must be what production made. */
    @PostMapping("/psc/{pscCode}/collections/{applicationNumber}/handover")
    String handOver(SignedInPerson operator, @PathVariable String pscCode, @PathVariable String applicationNumber,
                    @RequestParam(defaultValue = "") String documentNumber, @RequestParam(defaultValue = "") String shareCode,
                    @RequestParam(required = false) List<String> plateSerials, @RequestParam(defaultValue = "") String certificateBlankNumber,
                    RedirectAttributes redirect) {
        List<String> serials = plateSerials == null ? List.of() : plateSerials.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        try {
            collections.handOver(operator, pscCode, applicationNumber, proof(documentNumber, shareCode), serials, certificateBlankNumber);
            redirect.addFlashAttribute("justHandedOver", true);
        } catch (CannotServe e) {
            flash(redirect, e);
            redirect.addFlashAttribute("documentNumber", documentNumber);
            redirect.addFlashAttribute("typedSerials", plateSerials == null ? List.of() : plateSerials);
            redirect.addFlashAttribute("typedBlank", certificateBlankNumber);
        }
        return "redirect:/psc/" + pscCode + "/collections/" + applicationNumber;
    }

    /** One of the two, as the service wants: a document number shown at the counter, or a digital documents code. */
    private static BuyerIdentity.Proof proof(String documentNumber, String shareCode) {
        return new BuyerIdentity.Proof(null, blankToNull(documentNumber), blankToNull(shareCode));
    }

    private static String blankToNull(String typed) {
        return typed.isBlank() ? null : typed.strip();
    }

    private static String normalised(String applicationNumber) {
        return applicationNumber.strip().toUpperCase(Locale.ROOT);
    }

    private static void flash(RedirectAttributes redirect, CannotServe e) {
        redirect.addFlashAttribute("problemCode", e.code());
        redirect.addFlashAttribute("problemDetail", e.getMessage());
    }

    private static ProblemException notYours(SignedInPerson operator, String pscCode) {
        return new ProblemException("NOT_YOUR_PSC", org.springframework.http.HttpStatus.FORBIDDEN,
                "You work at " + operator.scopesOf(Role.PSC_OPERATOR) + ", not at " + pscCode + ".", operator.scopesOf(Role.PSC_OPERATOR).toString(), pscCode);
    }

    /** A page that cannot be shown says why in the operator's language (psc.problem.CODE), with the way back to the own PSC. */
    private static String problem(CannotServe e, Model model, HttpServletResponse response) {
        response.setStatus(kz.tirkeu.platform.web.ProblemStatus.of(e).value());
        model.addAttribute("problemCode", e.code());
        model.addAttribute("problemDetail", e.getMessage());
        return "psc/problem";
    }
}
