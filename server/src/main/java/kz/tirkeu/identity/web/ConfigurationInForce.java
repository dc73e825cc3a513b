package kz.tirkeu.identity.web;

import java.time.Duration;
import java.util.List;
import kz.tirkeu.application.ProcessDefinition;
import kz.tirkeu.issuance.IssuanceProperties;
import kz.tirkeu.notification.NotificationProperties;
import kz.tirkeu.platform.PlatformAddresses;
import kz.tirkeu.registry.plates.PlateProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The settings the running server decides by, as administrators and auditors may read them: the rules
 * and deadlines, the plate rules and the addresses of the systems it talks to. Never a secret — no key,
 * password or shared secret is read here at all. The defaults are those of the components that use the
 * values, so the page shows what is in force even where application.yml says nothing.
 */
@Component
class ConfigurationInForce {

    private final PlateProperties plates;
    private final IssuanceProperties issuance;
    private final NotificationProperties notification;
    private final PlatformAddresses addresses;
    private final Duration decisionDelay;
    private final Duration reviewDeadline;
    private final Duration buyerDeadline;
    private final List<String> sellerOkedPrefixes;
    private final boolean sandboxEnabled;
    private final String sandboxBaseUrl;

    ConfigurationInForce(PlateProperties plates, IssuanceProperties issuance, NotificationProperties notification, PlatformAddresses addresses,
                         @Value("${tirkeu.registration.decision-delay:0s}") Duration decisionDelay,
                         @Value("${tirkeu.review.deadline:10d}") Duration reviewDeadline,
                         @Value("${tirkeu.application.buyer-deadline:10d}") Duration buyerDeadline,
                         @Value("${tirkeu.application.seller-oked-prefixes:4511,4519}") List<String> sellerOkedPrefixes,
                         @Value("${tirkeu.sandbox.enabled:true}") boolean sandboxEnabled,
                         @Value("${tirkeu.sandbox.base-url:}") String sandboxBaseUrl) {
        this.plates = plates;
        this.issuance = issuance;
        this.notification = notification;
        this.addresses = addresses;
        this.decisionDelay = decisionDelay;
        this.reviewDeadline = reviewDeadline;
        this.buyerDeadline = buyerDeadline;
        this.sellerOkedPrefixes = sellerOkedPrefixes;
        this.sandboxEnabled = sandboxEnabled;
        this.sandboxBaseUrl = sandboxBaseUrl;
    }

    /** A duration in the largest unit it is a whole number of, for people: 10 days, not PT240H. */
    record Span(long amount, String unit) {

        static Span of(Duration duration) {
            if (!duration.isZero() && duration.toSeconds() % 86_400 == 0) {
                return new Span(duration.toDays(), "DAYS");
            }
            if (!duration.isZero() && duration.toSeconds() % 3_600 == 0) {
                return new Span(duration.toHours(), "HOURS");
            }
            if (!duration.isZero() && duration.toSeconds() % 60 == 0) {
                return new Span(duration.toMinutes(), "MINUTES");
            }
            return new Span(duration.toSeconds(), "SECONDS");
        }
    }

    record Settings(String processVersion, Span decisionDelay, Span reviewDeadline, int collectionDays, Span buyerDeadline,
                    List<String> sellerOkedPrefixes, PlateProperties plates, String stateSystems, String printCentre, String plateMaker,
                    String digitalDocuments, boolean sandboxEnabled, String sandbox, String notificationLanguage) {}

    Settings now() {
        return new Settings(ProcessDefinition.VERSION, Span.of(decisionDelay), Span.of(reviewDeadline), issuance.collectionDays(), Span.of(buyerDeadline),
                sellerOkedPrefixes,
                plates, withoutCredentials(addresses.stateSystem("").toString()), orDefault(issuance.printCentreUrl(), "/print-centre/v1"),
                orDefault(issuance.plateMakerUrl(), "/plate-maker/v1"), orDefault(issuance.digitalDocumentsUrl(), "/digital-documents/v1"),
                sandboxEnabled, sandboxBaseUrl.isBlank() ? addresses.publicBase() + "/sandbox" : withoutCredentials(sandboxBaseUrl),
                notification.defaultLanguage().name().toLowerCase(java.util.Locale.ROOT));
    }

    private String orDefault(String configured, String underStateSystems) {
        return configured == null || configured.isBlank() ? addresses.stateSystem(underStateSystems).toString() : withoutCredentials(configured);
    }

    /** An address as configured may carry a user and password or a token in its query: those are never shown. */
    static String withoutCredentials(String url) {
        try {
            java.net.URI uri = java.net.URI.create(url.strip());
            return new java.net.URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return "(not a valid address)";
        }
    }
}
