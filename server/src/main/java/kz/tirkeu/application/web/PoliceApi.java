package kz.tirkeu.application.web;

import kz.tirkeu.pki.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Optional;
import kz.tirkeu.application.ActionLog;
import kz.tirkeu.application.ApplicationRecord;
import kz.tirkeu.application.HumanReview;
import kz.tirkeu.application.PoliceCase;
import kz.tirkeu.application.PoliceQueue;
import kz.tirkeu.application.RegistrationDecision;
import kz.tirkeu.application.Review;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.identity.web.Allowed;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API v1 for police officers: the region's queue of registration decisions (S19) and reviews
 * (Digital Code Art. 39), a case with its evidence, the assignment lock, and the decisions.
 */
@RestController
class PoliceApi {

    private final ApplicationViews views;
    private final PoliceQueue queue;
    private final RegistrationDecision decision;
    private final HumanReview review;
    private final ActionLog log;

    PoliceApi(PoliceQueue queue, RegistrationDecision decision, HumanReview review, ActionLog log,
              ApplicationViews views) {
        this.views = views;
        this.log = log;
        this.queue = queue;
        this.decision = decision;
        this.review = review;
    }

    /** The open cases of the officer's regions (and those tied to none): reviews by their deadline, decisions oldest first. */
    @GetMapping("/api/v1/police/cases")
    @Operation(summary = "The open cases of the officer's regions", description = "Paged: page from 0, size 1 to 200 (default 50); "
            + "kind DECISION or REVIEW. Reviews by their deadline, decisions oldest first.")
    @Allowed(Role.POLICE_OFFICER)
    List<PoliceCase> cases(SignedInPerson officer, @RequestParam Optional<PoliceCase.Kind> kind,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw new InvalidInputException("page is 0 or more, size 1 to 200.");
        }
        return queue.open(officer, kind, size, kz.tirkeu.platform.web.Paging.offset(page, size));
    }

    /** A case with the application's whole log — every check with its evidence —, and its reviews. */
    @GetMapping("/api/v1/police/cases/{number}")
    @Allowed(Role.POLICE_OFFICER)
    CaseView file(SignedInPerson officer, @PathVariable String number) {
        PoliceQueue.CaseFile file = queue.file(officer, number);
        return new CaseView(file.policeCase(), views.of(file.application(), file.actions()), file.reviews());
    }

    /** Take the case over: from now on only this officer decides it (the automatic decision leaves it alone). */
    @PostMapping("/api/v1/police/cases/{number}/assignment")
    @Allowed(Role.POLICE_OFFICER)
    PoliceCase takeOver(SignedInPerson officer, @PathVariable String number) {
        return queue.takeOver(officer, number);
    }

    /** Give the case back: to the automatic decision, or for another officer to take. */
    @DeleteMapping("/api/v1/police/cases/{number}/assignment")
    @Allowed(Role.POLICE_OFFICER)
    PoliceCase release(SignedInPerson officer, @PathVariable String number) {
        return queue.release(officer, number);
    }

    /** S19 by an officer who holds the case: REGISTER (the platform's checks still apply) or REFUSE with a reason. */
    @PostMapping("/api/v1/police/cases/{number}/decision")
    @Allowed(Role.POLICE_OFFICER)
    ApplicationView decide(SignedInPerson officer, @PathVariable String number, @RequestBody Decision body) {
        if (body.decision() == null) {
            throw new InvalidInputException("Send decision: REGISTER or REFUSE (with reason).");
        }
        return view(switch (body.decision()) {
            case REGISTER -> decision.register(officer, number);
            case REFUSE -> decision.refuse(officer, number, body.reason());
        });
    }

    /** Art. 39: UPHOLD the automated refusal or OVERTURN it, with a reason either way. */
    @PostMapping("/api/v1/police/cases/{number}/review")
    @Allowed(Role.POLICE_OFFICER)
    ApplicationView review(SignedInPerson officer, @PathVariable String number, @RequestBody ReviewDecision body) {
        if (body.decision() == null) {
            throw new InvalidInputException("Send decision: UPHOLD or OVERTURN, and reason.");
        }
        return view(review.decide(officer, number, body.decision() == ReviewDecision.Outcome.OVERTURN, body.reason()));
    }

    private ApplicationView view(ApplicationRecord record) {
        return views.of(record, log.of(record.id()));
    }

    record CaseView(PoliceCase policeCase, ApplicationView application, List<Review> reviews) {}

    record Decision(Outcome decision, String reason) {
        enum Outcome { REGISTER, REFUSE }
    }

    record ReviewDecision(Outcome decision, String reason) {
        enum Outcome { UPHOLD, OVERTURN }
    }
}
