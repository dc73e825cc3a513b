package kz.tirkeu.sandbox.mail;

import static kz.tirkeu.sandbox.SandboxHttp.json;
import static kz.tirkeu.sandbox.SandboxHttp.ok;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.UUID;
import kz.tirkeu.sandbox.SandboxHttp;
import kz.tirkeu.sandbox.SandboxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import tools.jackson.databind.JsonNode;

/** Mail sent over real SMTP, the way the platform's JavaMailSender will, and read back from the sandbox. */
@SandboxTest
class MailCatcherApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    MailCatcher catcher;

    SandboxHttp sandbox;
    JavaMailSenderImpl mailSender;

    @BeforeEach
    void connect() {
        sandbox = SandboxHttp.onPort(port);
        mailSender = new JavaMailSenderImpl();
        // As the platform is told to: spring.mail.host=localhost, spring.mail.port=${tirkeu.sandbox.mail.smtp-port}.
        mailSender.setHost("localhost");
        mailSender.setPort(environment.getProperty("tirkeu.sandbox.mail.smtp-port", Integer.class));
    }

    @Test
    void smtpPortZeroBecomesTheFreePortTheCatcherListensOn() {
        int property = environment.getProperty("tirkeu.sandbox.mail.smtp-port", Integer.class);

        assertThat(property).isPositive().isNotEqualTo(2525);
        assertThat(catcher.port()).hasValue(property);
    }

    @Test
    void aPlainMailShowsUpForItsRecipient() {
        String to = "aidar-" + UUID.randomUUID() + "@example.kz";
        Instant before = Instant.now().minusSeconds(1);
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom("notices@tirkeu.kz");
        mail.setTo(to);
        mail.setSubject("Өтінішіңіз қабылданды / Your application was accepted");
        mail.setText("Application A-2026-000042 is waiting for your signature.");

        mailSender.send(mail);

        JsonNode received = json(ok(sandbox.get("/mail/v1/messages?to=" + to)));
        assertThat(received.size()).isEqualTo(1);
        JsonNode message = received.get(0);
        assertThat(message.get("to").stringValue()).isEqualTo(to);
        assertThat(message.get("from").stringValue()).isEqualTo("notices@tirkeu.kz");
        assertThat(message.get("subject").stringValue()).isEqualTo("Өтінішіңіз қабылданды / Your application was accepted");
        assertThat(message.get("text").stringValue()).contains("A-2026-000042");
        assertThat(Instant.parse(message.get("receivedAt").stringValue())).isAfter(before);
    }

    @Test
    void aMailToTwoPeopleIsInBothInboxesAndTheHtmlPartIsKept() throws Exception {
        String first = "first-" + UUID.randomUUID() + "@example.kz";
        String second = "Second-" + UUID.randomUUID() + "@example.kz";
        MimeMessage mime = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
        helper.setFrom("notices@tirkeu.kz");
        helper.setTo(new String[] {first, second});
        helper.setSubject("Plates are ready");
        helper.setText("Your plates are ready at PSC 12.", "<p>Your plates are ready at <b>PSC 12</b>.</p>");

        mailSender.send(mime);

        JsonNode toFirst = json(ok(sandbox.get("/mail/v1/messages?to=" + first)));
        JsonNode toSecond = json(ok(sandbox.get("/mail/v1/messages?to=" + second.toLowerCase())));
        assertThat(toFirst.size()).isEqualTo(1);
        assertThat(toSecond.size()).as("addresses compare without case").isEqualTo(1);
        assertThat(toFirst.get(0).get("text").stringValue()).isEqualTo("Your plates are ready at PSC 12.");
        assertThat(toFirst.get(0).get("html").stringValue()).contains("<b>PSC 12</b>");
        assertThat(json(ok(sandbox.get("/mail/v1/messages"))).findValuesAsString("to")).contains(first, second);
    }
}
