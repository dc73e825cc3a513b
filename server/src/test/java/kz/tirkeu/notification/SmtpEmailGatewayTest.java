package kz.tirkeu.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class SmtpEmailGatewayTest {

    private static final NotificationProperties.CircuitBreaker LENIENT = new NotificationProperties.CircuitBreaker(50, 1000, 1000, Duration.ofMinutes(1));

    @Test
    void anSmtpServerNobodyListensAtIsUnavailableNotARefusal() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(closedPort);
        mail.getJavaMailProperties().put("mail.smtp.connectiontimeout", "1000");
        SmtpEmailGateway gateway = new SmtpEmailGateway(mail, "Tirkeu <no-reply@tirkeu.kz>", new OutboundBreaker("SMTP server", LENIENT));

        SendOutcome outcome = gateway.send(new EmailGateway.OutgoingEmail("a@example.kz", "s", "b", "ref"));

        assertThat(outcome).isInstanceOf(SendOutcome.Unavailable.class);
    }

    @Test
    void anAddressThatCannotBeWrittenIsARefusal() {
        SmtpEmailGateway gateway = new SmtpEmailGateway(new JavaMailSenderImpl(), "Tirkeu <no-reply@tirkeu.kz>",
                new OutboundBreaker("SMTP server", LENIENT));

        SendOutcome outcome = gateway.send(new EmailGateway.OutgoingEmail("not an address@@", "s", "b", "ref"));

        assertThat(outcome).isInstanceOf(SendOutcome.Rejected.class);
    }
}
