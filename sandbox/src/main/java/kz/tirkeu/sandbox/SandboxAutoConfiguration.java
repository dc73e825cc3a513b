package kz.tirkeu.sandbox;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.pki.identity.InvalidIdentifierException;
import kz.tirkeu.sandbox.ca.CaRoutes;
import kz.tirkeu.sandbox.ca.SandboxCa;
import kz.tirkeu.sandbox.documents.DigitalDocuments;
import kz.tirkeu.sandbox.documents.DigitalDocumentsRoutes;
import kz.tirkeu.sandbox.mail.MailCatcher;
import kz.tirkeu.sandbox.mail.MailRoutes;
import kz.tirkeu.sandbox.mbg.MbgRoutes;
import kz.tirkeu.sandbox.mbg.MobileCitizensBase;
import kz.tirkeu.sandbox.mobile.MobileNumber;
import kz.tirkeu.sandbox.payment.InvoicesPage;
import kz.tirkeu.sandbox.payment.PaymentGateway;
import kz.tirkeu.sandbox.payment.PaymentRoutes;
import kz.tirkeu.sandbox.persona.IdentityDocument;
import kz.tirkeu.sandbox.persona.PersonaCatalogue;
import kz.tirkeu.sandbox.persona.PersonaRoutes;
import kz.tirkeu.sandbox.persona.Personas;
import kz.tirkeu.sandbox.signer.NcaLayer;
import kz.tirkeu.sandbox.signer.NcaLayerEndpoint;
import kz.tirkeu.sandbox.signer.SignerDevices;
import kz.tirkeu.sandbox.signer.SignerRoutes;
import kz.tirkeu.sandbox.production.ProductionRoutes;
import kz.tirkeu.sandbox.sms.SmsCentre;
import kz.tirkeu.sandbox.sms.SmsRoutes;
import kz.tirkeu.sandbox.state.StateData;
import kz.tirkeu.sandbox.state.StateSystemFaults;
import kz.tirkeu.sandbox.state.StateSystemRoutes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;

/**
 * The sandbox inside a Spring Boot web application (the server's, or {@link SandboxApplication}'s):
 * the test CA, the personas, МБГ, the SMS centre, the mail catcher and the NCALayer-compatible signer
 * under {@code /sandbox}. On unless {@code tirkeu.sandbox.enabled=false}. The CA opens once the web
 * server listens (or on first use), because its address comes from the port.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "tirkeu.sandbox.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SandboxProperties.class)
public class SandboxAutoConfiguration {

    /** How many SMS and mails the sandbox keeps for testers to read. */
    static final int RETAINED_MESSAGES = 1000;

    /**
     * Configured, else below the platform's public address ({@code tirkeu.public-base-url}) when that is set: behind a proxy
     * {@code http://localhost:<port>} is no address a payer's browser or a partner can open (issue [11]: payment page links
     * pointed at localhost). Else learnt from the web server's port.
     */
    @Bean
    SandboxAddress sandboxAddress(SandboxProperties properties, Environment environment) {
        Optional<URI> configured = Optional.ofNullable(properties.baseUrl())
                .or(() -> Optional.ofNullable(environment.getProperty("tirkeu.public-base-url")).map(String::strip).filter(url -> !url.isEmpty())
                        .map(url -> URI.create(url.replaceFirst("/+$", "") + SandboxAddress.PATH)));
        return new SandboxAddress(configured, environment.getProperty("server.servlet.context-path", ""));
    }

    @Bean(destroyMethod = "close")
    SandboxDataDirectory sandboxDataDirectory(SandboxProperties properties) {
        return SandboxDataDirectory.of(properties);
    }

    @Bean
    SandboxCa sandboxCa(SandboxAddress address, SandboxDataDirectory directory) {
        return new SandboxCa(address, directory.ca(), Clock.systemUTC());
    }

    @Bean
    PersonaCatalogue sandboxPersonaCatalogue() {
        return PersonaCatalogue.standard();
    }

    @Bean
    Personas sandboxPersonas(PersonaCatalogue catalogue, SandboxCa ca, SandboxDataDirectory directory) {
        return new Personas(catalogue, ca, directory.personas(), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "tirkeu.sandbox.prepare-on-startup", matchIfMissing = true)
    SandboxPreparation sandboxPreparation(Personas personas) {
        return new SandboxPreparation(personas);
    }

    @Bean
    MobileCitizensBase sandboxMobileCitizensBase(PersonaCatalogue catalogue) {
        return new MobileCitizensBase(catalogue);
    }

    @Bean(destroyMethod = "close")
    SmsCentre sandboxSmsCentre(SandboxProperties properties) {
        Set<MobileNumber> unreachable = properties.sms().unreachableNumbers().stream()
                .filter(number -> !number.isBlank())
                .map(number -> MobileNumber.parse(number).orElseThrow(() -> new IllegalArgumentException(
                        "tirkeu.sandbox.sms.unreachable-numbers: '" + number + "' is not a Kazakh mobile number like +77000000000")))
                .collect(Collectors.toSet());
        return new SmsCentre(SmsCentre.Settings.of(properties.sms().receiptSecret(), unreachable), Clock.systemUTC());
    }

    /** Listening as soon as it exists, so whatever needs its port finds it open. */
    @Bean(initMethod = "start", destroyMethod = "stop")
    @ConditionalOnBooleanProperty(name = "tirkeu.sandbox.mail.enabled", matchIfMissing = true)
    MailCatcher sandboxMailCatcher(SandboxProperties properties) {
        return new MailCatcher(properties.mail().smtpPort(), RETAINED_MESSAGES, Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    PaymentGateway sandboxPaymentGateway(SandboxProperties properties) {
        Set<Iin> declining = properties.payments().decliningPayers().stream()
                .filter(iin -> !iin.isBlank())
                .map(iin -> {
                    try {
                        return Iin.of(iin.strip());
                    } catch (InvalidIdentifierException e) {
                        throw new IllegalArgumentException("tirkeu.sandbox.payments.declining-payers: '" + iin + "' is not an IIN", e);
                    }
                })
                .collect(Collectors.toSet());
        return new PaymentGateway(PaymentGateway.Settings.of(properties.payments().callbackSecret(), declining,
                properties.payments().invoiceValidity()), Clock.systemUTC());
    }

    @Bean
    SignerDevices sandboxSignerDevices() {
        return new SignerDevices();
    }

    @Bean
    NcaLayer sandboxNcaLayer(Personas personas, SignerDevices devices, SandboxCa ca, SandboxAddress address) {
        return new NcaLayer(personas, devices, ca, address, Clock.systemUTC());
    }

    @Bean
    WebSocketHandlerMapping sandboxNcaLayerEndpoint(NcaLayer ncaLayer) {
        return NcaLayerEndpoint.handlerMapping(ncaLayer);
    }

    /** The state systems' data: the same in every run, ready in well under a second. */
    @Bean
    StateData sandboxStateData(PersonaCatalogue catalogue) {
        return new StateData(catalogue);
    }

    /** Faults testers turn on per state system; a "timeout" holds a request 30 s, or until the faults are reset. */
    @Bean(destroyMethod = "close")
    StateSystemFaults sandboxStateSystemFaults() {
        return new StateSystemFaults(Duration.ofSeconds(30), Clock.systemUTC());
    }

    @Bean
    DigitalDocuments sandboxDigitalDocuments() {
        return new DigitalDocuments(Clock.systemUTC());
    }

    @Bean
    RouterFunction<ServerResponse> sandboxRoutes(SandboxCa ca, PersonaCatalogue catalogue, Personas personas, SandboxAddress address,
                                                 MobileCitizensBase mbg, SmsCentre sms, ObjectProvider<MailCatcher> mail, SignerDevices devices,
                                                 PaymentGateway payments, StateData stateData, StateSystemFaults faults,
                                                 DigitalDocuments digitalDocuments, SandboxProperties properties) {
        return SandboxRoutes.of(address, stateData.readyVehicleCount(),
                new CaRoutes(ca).routes(),
                new PersonaRoutes(personas, address, Clock.systemUTC(), iin -> stateData.person(iin).map(person -> person.documents().stream()
                        .map(d -> new IdentityDocument(d.type(), d.number(), d.issuedAt(), d.validUntil(), d.issuer())).toList()).orElse(List.of())).routes(),
                new MbgRoutes(mbg).routes().filter(faults.filter("mbg", request -> true)),
                new SmsRoutes(sms, MobileCitizensBase.holders(catalogue), address).routes()
                        .filter(faults.filter("sms", request -> request.method().name().equals("POST"))),
                new StateSystemRoutes(stateData, faults, catalogue).routes(),
                mail.stream().findFirst().map(catcher -> new MailRoutes(catcher).routes()).orElseGet(MailRoutes::off),
                new SignerRoutes(personas, devices, address).routes(),
                new PaymentRoutes(payments, address).routes().filter(faults.filter("payments", request -> true)),
                new InvoicesPage(payments).routes(),
                new ProductionRoutes(new ProductionRoutes.ProductionSettings(properties.production().printDelay(), properties.production().deliveryDelay(),
                        properties.production().plateDelay(), Clock.systemUTC()), stateData, faults).routes(),
                new DigitalDocumentsRoutes(digitalDocuments, stateData).routes().filter(faults.filter("digital-documents", request -> true)));
    }
}
