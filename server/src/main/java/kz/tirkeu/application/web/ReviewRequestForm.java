package kz.tirkeu.application.web;

import kz.tirkeu.platform.CannotServe;
import kz.tirkeu.application.HumanReview;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.platform.web.ProblemException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "ask for review" form of the seller's and the buyer's application pages (Digital Code Art. 39).
 * Its errors stay next to the form ({@code review.problem.CODE}), with what was typed, so a comment
 * written at length is not lost to a mistake.
 */
final class ReviewRequestForm {

    private ReviewRequestForm() {}

    static void ask(HumanReview review, SignedInPerson person, String number, String comment, RedirectAttributes redirect) {
        try {
            review.request(person, number, comment);
            redirect.addFlashAttribute("reviewAsked", true);
        } catch (CannotServe e) {
            redirect.addFlashAttribute("reviewComment", comment);
            redirect.addFlashAttribute("reviewProblemCode", e.code());
            redirect.addFlashAttribute("reviewProblemDetail", e.getMessage());
        }
    }
}
