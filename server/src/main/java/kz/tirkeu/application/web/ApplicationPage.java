package kz.tirkeu.application.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.tirkeu.application.Action;
import kz.tirkeu.application.ApplicationStatus;
import kz.tirkeu.application.Step;
import kz.tirkeu.statesystems.Evidence;
import org.springframework.ui.Model;

/**
 * What the seller's and the buyer's application pages show, read from the same {@link ApplicationView}
 * as the API: the checks with their state, every fact the state systems gave (the latest answer of each
 * system), the refusal, and the timeline. "What happens next" is one message per status
 * ({@code next.STATUS} in messages*.properties), so later statuses only add a line there.
 */
final class ApplicationPage {

    /** Statuses in which the page waits on someone else (a state system, the other party) and updates by itself. */
    static final Set<ApplicationStatus> LIVE = EnumSet.of(ApplicationStatus.CHECKING, ApplicationStatus.WAITING_FOR_STATE_SYSTEM,
            ApplicationStatus.RECHECKING);

    private static final List<Step> FIRST_CHECKS = List.of(Step.S1, Step.S3, Step.S4, Step.S5, Step.S7, Step.S8);
    private static final List<Step> RECHECKS = List.of(Step.S11, Step.S12, Step.S13, Step.S14);
    /** The order facts are shown in: who sells, what, under which contract, to whom, and the rest. */
    private static final List<String> FACT_ORDER = List.of("LEGAL_ENTITIES", "VEHICLE_PASSPORTS", "SALE_CONTRACTS", "INDIVIDUALS",
            "CUSTOMS", "RECYCLING_FEES", "ADMINISTRATIVE_FINES", "MOBILE_CITIZENS");

    enum CheckState { PENDING, PASSED, REFUSED, WAITING }

    record Check(Step step, CheckState state, String system) {}

    record FactGroup(String system, Map<String, String> facts) {}

    private ApplicationPage() {}

    /** Statuses in which the page asks for news by itself: the checks, and a payment whose confirmation comes from the gateway. */
    static final Set<ApplicationStatus> POLLED = EnumSet.of(ApplicationStatus.CHECKING, ApplicationStatus.WAITING_FOR_STATE_SYSTEM,
            ApplicationStatus.RECHECKING, ApplicationStatus.AWAITING_PAYMENT);

    /**
     * Statuses the platform and production move on without the person (the decision, printing and plates):
     * the page looks less often, and reloads when the application moves on.
     */
    static final Set<ApplicationStatus> AWAITED = EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.REGISTERED);

    static void fill(Model model, ApplicationView view) {
        model.addAttribute("app", view);
        model.addAttribute("live", LIVE.contains(view.status()));
        model.addAttribute("poll", POLLED.contains(view.status()) || AWAITED.contains(view.status()));
        model.addAttribute("pollEvery", AWAITED.contains(view.status()) ? "every 10s" : "every 2s");
        model.addAttribute("paymentPending", view.status() == ApplicationStatus.AWAITING_PAYMENT);
        model.addAttribute("checks", checks(view));
        model.addAttribute("facts", facts(view));
        model.addAttribute("refusalCode", view.refusal().map(r -> r.get("code")).orElse(null));
        model.addAttribute("refusalMessage", view.refusal().map(r -> r.get("message")).orElse(null));
        model.addAttribute("refusalStep", view.refusal().map(r -> r.get("step")).orElse(null));
        model.addAttribute("timeline", view.timeline().reversed());
        model.addAttribute("reviewable", reviewable(view));
    }

    /**
     * Whether the seller or the buyer may ask for a review (Digital Code Art. 39): the application stands
     * refused by an automated decision that no officer has upheld yet. The service checks it again.
     */
    static boolean reviewable(ApplicationView view) {
        if (view.status() != ApplicationStatus.REFUSED || view.refusal().isEmpty()) {
            return false;
        }
        java.util.Map<String, String> refusal = view.refusal().get();
        boolean upheld = view.review().filter(r -> r.outcome().equals(java.util.Optional.of("UPHELD")))
                .filter(r -> java.util.Objects.equals(r.refusalCode(), refusal.get("code"))).isPresent();
        return "true".equals(refusal.get("automated")) && !upheld;
    }

    static List<Check> checks(ApplicationView view) {
        Map<Step, ApplicationView.Entry> latest = new LinkedHashMap<>();
        for (ApplicationView.Entry entry : view.timeline()) {
            entry.step().map(Step::valueOf).ifPresent(step -> {
                if (entry.action() == Action.Kind.CHECK_PASSED || entry.action() == Action.Kind.CHECK_REFUSED || entry.action() == Action.Kind.CHECK_WAITING) {
                    latest.put(step, entry);
                }
            });
        }
        List<Step> shown = new ArrayList<>(FIRST_CHECKS);
        if (RECHECKS.stream().anyMatch(latest::containsKey) || view.status() == ApplicationStatus.RECHECKING) {
            shown.addAll(RECHECKS);
        }
        return shown.stream().map(step -> {
            ApplicationView.Entry entry = latest.get(step);
            if (entry == null) {
                return new Check(step, CheckState.PENDING, null);
            }
            String system = entry.evidence().map(ApplicationView.EvidenceView::system).orElse(null);
            CheckState state = switch (entry.action()) {
                case CHECK_PASSED -> CheckState.PASSED;
                case CHECK_REFUSED -> CheckState.REFUSED;
                default -> CheckState.WAITING;
            };
            return new Check(step, state, system);
        }).toList();
    }

    /** The latest facts each state system answered with (a later answer replaces an earlier one). */
    static List<FactGroup> facts(ApplicationView view) {
        Map<String, Map<String, String>> bySystem = new LinkedHashMap<>();
        for (ApplicationView.Entry entry : view.timeline()) {
            entry.evidence().filter(e -> e.outcome() == Evidence.Outcome.FOUND && !e.facts().isEmpty())
                    .ifPresent(e -> bySystem.put(e.system(), e.facts()));
        }
        List<FactGroup> groups = new ArrayList<>();
        FACT_ORDER.stream().filter(bySystem::containsKey).forEach(s -> groups.add(new FactGroup(s, bySystem.get(s))));
        bySystem.forEach((system, facts) -> {
            if (!FACT_ORDER.contains(system)) {
                groups.add(new FactGroup(system, facts));
            }
        });
        return groups;
    }

    /** The statement for the signing form: the exact bytes (base64, for NCALayer) and the same for people to read. */
    /** What the page shows and signs: exactly these bytes, in this language (posted back with the signature). */
    static void statement(Model model, byte[] statement, kz.tirkeu.notification.Language language) {
        model.addAttribute("dataToSign", Base64.getEncoder().encodeToString(statement));
        model.addAttribute("statementText", new String(statement, StandardCharsets.UTF_8));
        model.addAttribute("statementLanguage", language.tag());
    }
}
