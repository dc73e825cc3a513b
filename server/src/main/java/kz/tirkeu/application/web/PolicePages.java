package kz.tirkeu.application.web;

import kz.tirkeu.platform.CannotServe;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import kz.tirkeu.application.CannotRegister;
import kz.tirkeu.application.HumanReview;
import kz.tirkeu.application.PoliceCase;
import kz.tirkeu.application.PoliceQueue;
import kz.tirkeu.application.RegistrationDecision;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
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
 * The police officer's pages: the region's queue (registration decisions and reviews, with their
 * deadlines and who holds each), and a case file with every check's evidence, the refusal and the
 * applicant's comment, the signatures, the assignment lock and the decision. The same services as
 * {@link PoliceApi}; a service's refusal (another officer holds it, a reason missing, the checks refuse
 * the registration) comes back to the case page as a message in the officer's language.
 */
@Controller
@PageController
@kz.tirkeu.identity.web.Allowed(Role.POLICE_OFFICER)
class PolicePages {

    private static final int PAGE_SIZE = 50;

    private final PoliceQueue queue;
    private final RegistrationDecision decision;
    private final HumanReview review;
    private final Clock clock;
    private final LiveLists liveLists;

    PolicePages(PoliceQueue queue, RegistrationDecision decision, HumanReview review, Clock clock, LiveLists liveLists) {
        this.queue = queue;
        this.decision = decision;
        this.review = review;
        this.clock = clock;
        this.liveLists = liveLists;
    }

    @GetMapping("/police/cases")
    String cases(SignedInPerson officer, @RequestParam Optional<PoliceCase.Kind> kind, @RequestParam(defaultValue = "0") int page, Model model) {
        int from = Math.max(page, 0);
        List<PoliceCase> cases = queue.open(officer, kind, PAGE_SIZE + 1, kz.tirkeu.platform.web.Paging.offset(from, PAGE_SIZE));
        model.addAttribute("cases", cases.stream().limit(PAGE_SIZE).map(c -> PoliceCaseRow.of(c, officer, clock.instant())).toList());
        model.addAttribute("hasNext", cases.size() > PAGE_SIZE);
        model.addAttribute("page", from);
        model.addAttribute("kind", kind.orElse(null));
        model.addAttribute("regions", officer.scopesOf(Role.POLICE_OFFICER).stream().sorted().toList());
        model.addAttribute("liveTrigger", liveLists.trigger("queue-live"));
        return "police/cases";
    }

    @GetMapping("/police/cases/{number}")
    String file(SignedInPerson officer, @PathVariable String number, Model model) {
        PoliceQueue.CaseFile file = queue.file(officer, number);
        ApplicationView view = ApplicationView.of(file.application(), file.actions());
        ApplicationPage.fill(model, view);
        model.addAttribute("row", PoliceCaseRow.of(file.policeCase(), officer, clock.instant()));
        model.addAttribute("reviews", file.reviews().reversed());
        model.addAttribute("evidence", CaseEvidence.checks(view));
        model.addAttribute("signatures", CaseEvidence.signatures(view));
        model.addAttribute("stamp", stamp(file));
        model.addAttribute("newsTrigger", liveLists.trigger("case-news"));
        return "police/case";
    }

    /**
     * Asked by the open case page now and then (htmx): has the case changed since it was shown — decided by the platform,
     * taken by another officer, a review asked? Then the page offers the current state with a link rather than reloading
     * itself, so that a reason being typed is never lost; the asking stops there.
     */
    @GetMapping("/police/cases/{number}/news")
    String news(SignedInPerson officer, @PathVariable String number, @RequestParam(defaultValue = "") String shown, Model model) {
        PoliceQueue.CaseFile file = queue.file(officer, number);
        model.addAttribute("number", number);
        model.addAttribute("stamp", shown);
        model.addAttribute("changed", !stamp(file).equals(shown));
        model.addAttribute("newsTrigger", liveLists.trigger("case-news"));
        return "police/case :: news";
    }

    /** What the officer would see change on the page: status, the case's state and holder, the log and the reviews. */
    private static String stamp(PoliceQueue.CaseFile file) {
        PoliceCase c = file.policeCase();
        return String.join("-", file.application().status().name(), c.kind().name(), c.open() ? "open" : "closed",
                c.officerIin().orElse("nobody"), String.valueOf(file.actions().size()), String.valueOf(file.reviews().size()));
    }

    @PostMapping("/police/cases/{number}/assignment")
    String takeOver(SignedInPerson officer, @PathVariable String number, RedirectAttributes redirect) {
        return act(number, redirect, () -> queue.takeOver(officer, number), "police.done.takenOver");
    }

    @PostMapping("/police/cases/{number}/release")
    String release(SignedInPerson officer, @PathVariable String number, RedirectAttributes redirect) {
        return act(number, redirect, () -> queue.release(officer, number), "police.done.released");
    }

    /** S19 by the officer who holds the case: REGISTER, or REFUSE with a reason. */
    @PostMapping("/police/cases/{number}/decision")
    String decide(SignedInPerson officer, @PathVariable String number, @RequestParam(defaultValue = "") String decision,
                  @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        redirect.addFlashAttribute("reason", reason);
        return switch (decision) {
            case "REGISTER" -> act(number, redirect, () -> this.decision.register(officer, number), "police.done.registered");
            case "REFUSE" -> act(number, redirect, () -> this.decision.refuse(officer, number, reason), "police.done.refused");
            default -> back(number);
        };
    }

    /** Art. 39: UPHOLD or OVERTURN the automated refusal, with a reason either way. */
    @PostMapping("/police/cases/{number}/review")
    String review(SignedInPerson officer, @PathVariable String number, @RequestParam(defaultValue = "") String decision,
                  @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        redirect.addFlashAttribute("reason", reason);
        if (!decision.equals("UPHOLD") && !decision.equals("OVERTURN")) {
            return back(number);
        }
        boolean overturn = decision.equals("OVERTURN");
        return act(number, redirect, () -> review.decide(officer, number, overturn, reason),
                overturn ? "police.done.overturned" : "police.done.upheld");
    }

    private static String act(String number, RedirectAttributes redirect, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute("done", done);
        } catch (CannotRegister e) {
            // Said in the officer's language (the refusal's own message), with what was found as the evidence says it.
            redirect.addFlashAttribute("problemCode", e.code());
            redirect.addFlashAttribute("problemRefusal", e.refusal().name());
            redirect.addFlashAttribute("problemDetail", e.found());
        } catch (CannotServe e) {
            redirect.addFlashAttribute("problemCode", e.code());
            redirect.addFlashAttribute("problemDetail", e.getMessage());
        }
        return back(number);
    }

    private static String back(String number) {
        return "redirect:/police/cases/" + number;
    }
}
