package kz.tirkeu.application;

import static kz.tirkeu.platform.SettingsInForce.Group.PROCESS;

import java.util.List;
import kz.tirkeu.platform.SettingsInForce;
import org.springframework.stereotype.Component;

/** The process and its deadlines, as the page "the configuration in force" shows them. */
@Component
class ApplicationSettingsInForce implements SettingsInForce {

    private final ApplicationProperties application;
    private final ReviewProperties review;
    private final RegistrationProperties registration;

    ApplicationSettingsInForce(ApplicationProperties application, ReviewProperties review, RegistrationProperties registration) {
        this.application = application;
        this.review = review;
        this.registration = registration;
    }

    @Override
    public List<Setting> settings() {
        return List.of(
                new Setting(PROCESS, 10, "process-version", "admin.config.processVersion", Shown.text(ProcessDefinition.VERSION)),
                new Setting(PROCESS, 20, "decision-delay", "admin.config.decisionDelay", Shown.duration(registration.decisionDelay())),
                new Setting(PROCESS, 30, "review-deadline", "admin.config.reviewDeadline", Shown.duration(review.deadline())),
                new Setting(PROCESS, 40, "buyer-deadline", "admin.config.buyerDeadline", Shown.duration(application.buyerDeadline())),
                new Setting(PROCESS, 60, "seller-oked", "admin.config.sellerOked", Shown.code(String.join(", ", application.sellerOkedPrefixes()))));
    }
}
