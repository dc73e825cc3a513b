package kz.tirkeu.partner.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.identity.web.Allowed;
import kz.tirkeu.partner.client.PartnerClient;
import kz.tirkeu.partner.client.PartnerClients;
import kz.tirkeu.partner.client.PartnerRegistration;
import kz.tirkeu.pki.cert.KzCertificate;
import kz.tirkeu.pki.identity.Iin;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The platform administrator's register of partner systems, and their call logs (also for the auditor). */
@RestController
@RequestMapping(path = "/api/v1/admin/partners", produces = MediaType.APPLICATION_JSON_VALUE)
class PartnerAdminApi {

    private final PartnerRegistration registration;
    private final PartnerClients clients;
    private final PartnerCalls calls;

    PartnerAdminApi(PartnerRegistration registration, PartnerClients clients, PartnerCalls calls) {
        this.registration = registration;
        this.clients = clients;
        this.calls = calls;
    }

    @GetMapping
    @Allowed({Role.ADMIN, Role.AUDITOR})
    List<PartnerView> list() {
        return clients.all().stream().map(PartnerView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed(Role.ADMIN)
    PartnerView register(SignedInPerson admin, @RequestBody PartnerRegistration.NewPartner body) {
        return PartnerView.of(registration.register(body, admin.iin().value()));
    }

    @PostMapping("/{clientId}/disabling")
    @Allowed(Role.ADMIN)
    PartnerView disable(SignedInPerson admin, @PathVariable String clientId) {
        return PartnerView.of(registration.disable(clientId, admin.iin().value()));
    }

    @GetMapping("/{clientId}/calls")
    @Allowed({Role.ADMIN, Role.AUDITOR})
    List<PartnerCalls.Call> calls(@PathVariable String clientId, @RequestParam Optional<String> iin, @RequestParam Optional<Integer> limit) {
        clients.find(clientId).orElseThrow(() -> PartnerRegistration.unknown(clientId));
        return calls.of(clientId, iin.map(value -> Iin.of(value).value()), Math.clamp(limit.orElse(100), 1, 1000));
    }

    record PartnerView(String clientId, String bin, String name, String certificateSerial, String certificateSubject, Instant certificateNotAfter,
                       int requestsPerMinute, Optional<String> webhookUrlPrefix, Instant registeredAt, Optional<Instant> disabledAt) {

        static PartnerView of(PartnerClient client) {
            KzCertificate certificate = KzCertificate.of(client.certificate());
            return new PartnerView(client.clientId(), client.bin().value(), client.name(), certificate.serialHex(), certificate.subjectDn(),
                    certificate.notAfter(), client.requestsPerMinute(), client.webhookUrlPrefix(), client.registeredAt(), client.disabledAt());
        }
    }
}
