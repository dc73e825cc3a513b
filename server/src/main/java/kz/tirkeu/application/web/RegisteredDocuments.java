package kz.tirkeu.application.web;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.tirkeu.application.ApplicationStatus;
import kz.tirkeu.issuance.DocumentsAtPsc;
import kz.tirkeu.issuance.psc.PscCentres;
import kz.tirkeu.registry.certificate.CertificateIssuer;
import kz.tirkeu.registry.certificate.IssuedCertificate;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the buyer's page shows once the car is registered: the plate, the certificate with its
 * downloads (the signed original and the PDF in Kazakh and Russian, served by the certificates API to
 * the page's own session) and its public page; when the documents are at the PSC, where and until when
 * to collect them and what to bring.
 */
@Component
class RegisteredDocuments {

    static final Set<ApplicationStatus> REGISTERED = EnumSet.of(ApplicationStatus.REGISTERED, ApplicationStatus.READY_FOR_COLLECTION,
            ApplicationStatus.HANDED_OVER);

    private final CertificateIssuer certificates;
    private final DocumentsAtPsc collections;
    private final PscCentres centres;

    RegisteredDocuments(CertificateIssuer certificates, DocumentsAtPsc collections, PscCentres centres) {
        this.certificates = certificates;
        this.collections = collections;
        this.centres = centres;
    }

    /**
     * @param downloadBase {@code /api/v1/certificates/AA00000042}: add {@code /document} or {@code /pdf?lang=kk|ru}
     */
    record Documents(String plate, String seriesAndNumber, String downloadBase, String verificationUrl, Instant issuedAt) {}

    /** @param collectBy the end of the collection period; @param handedOverAt when handed over */
    record Collection(PscCentres.Centre centre, Instant collectBy, String queueTicket, Instant handedOverAt) {}

    void fill(Model model, ApplicationView view) {
        if (!REGISTERED.contains(view.status())) {
            return;
        }
        Map<String, String> registration = view.registration().orElse(Map.of());
        certificates.ofApplication(view.number()).ifPresent(c -> model.addAttribute("documents", documents(c, registration)));
        if (view.status() == ApplicationStatus.REGISTERED) {
            return;
        }
        Optional<DocumentsAtPsc.Collection> collection = collections.of(view.number());
        String psc = collection.map(DocumentsAtPsc.Collection::pscCode).orElse(registration.get("psc"));
        if (psc != null) {
            model.addAttribute("collection", new Collection(centres.of(psc),
                    collection.flatMap(DocumentsAtPsc.Collection::collectBy).orElse(null),
                    collection.flatMap(DocumentsAtPsc.Collection::queueTicket).orElse(null),
                    collection.flatMap(DocumentsAtPsc.Collection::handedOverAt).orElse(null)));
        }
    }

    private static Documents documents(IssuedCertificate certificate, Map<String, String> registration) {
        return new Documents(registration.getOrDefault("plate", ""), certificate.seriesAndNumber(),
                "/api/v1/certificates/" + certificate.series() + certificate.number(), certificate.verificationUrl().toString(), certificate.issuedAt());
    }
}
