package kz.tirkeu.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import kz.tirkeu.statesystems.PhoneNumber;

/** The SMS centre adapter over real HTTP: outcomes, timeouts and the circuit breaker. */
class HttpSmsGatewayTest {

    private static final URI CALLBACK = URI.create("http://localhost:1/api/v1/notifications/sms-receipts");
    private static final NotificationProperties.CircuitBreaker LENIENT = new NotificationProperties.CircuitBreaker(50, 1000, 1000, Duration.ofMinutes(1));

    private final FakeSmsCentre centre = FakeSmsCentre.start("s");

    @AfterEach
    void stop() {
        centre.close();
    }

    private HttpSmsGateway gateway(URI base, Duration readTimeout, NotificationProperties.CircuitBreaker breaker) {
        return new HttpSmsGateway(() -> base, Duration.ofSeconds(1), readTimeout, JsonMapper.builder().build(),
                new OutboundBreaker("SMS centre", breaker));
    }

    private static PhoneNumber newPhone() {
        return new PhoneNumber("+7702" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000)));
    }

    private static SmsGateway.OutgoingSms sms(PhoneNumber to) {
        return new SmsGateway.OutgoingSms(to, "Сәлем", "ref-1", CALLBACK);
    }

    @Test
    void anAcceptedMessageComesBackWithTheCentresMessageId() {
        PhoneNumber phone = newPhone();
        try (HttpSmsGateway gateway = gateway(centre.baseUrl(), Duration.ofSeconds(2), LENIENT)) {
            SendOutcome outcome = gateway.send(sms(phone));

            FakeSmsCentre.Message received = centre.messagesTo(phone.e164()).getFirst();
            assertThat(outcome).isEqualTo(new SendOutcome.Accepted(received.messageId()));
            assertThat(received.text()).isEqualTo("Сәлем");
            assertThat(received.reference()).isEqualTo("ref-1");
            assertThat(received.callbackUrl()).isEqualTo(CALLBACK);
        }
    }

    @Test
    void aMessageTheCentreCallsInvalidIsARefusal() {
        PhoneNumber phone = newPhone();
        centre.answerNext(phone.e164(), 1, 422);
        centre.answerNext(phone.e164(), 1, 400);
        try (HttpSmsGateway gateway = gateway(centre.baseUrl(), Duration.ofSeconds(2), LENIENT)) {
            assertThat(gateway.send(sms(phone))).isInstanceOf(SendOutcome.Rejected.class)
                    .extracting(outcome -> ((SendOutcome.Rejected) outcome).reason()).asString().contains("422", "scripted answer 422");
            assertThat(gateway.send(sms(phone))).isInstanceOf(SendOutcome.Rejected.class);
        }
    }

    @Test
    void serverErrorsTooManyRequestsAndAWrongAddressOrCredentialsAreRetriedNotRefused() {
        PhoneNumber phone = newPhone();
        for (int status : new int[] {500, 503, 429, 408, 404, 401, 403}) {
            centre.answerNext(phone.e164(), 1, status);
        }
        try (HttpSmsGateway gateway = gateway(centre.baseUrl(), Duration.ofSeconds(2), LENIENT)) {
            for (int i = 0; i < 7; i++) {
                assertThat(gateway.send(sms(phone))).isInstanceOf(SendOutcome.Unavailable.class);
            }
        }
    }

    @Test
    void aCentreThatDoesNotAnswerInTimeIsUnavailable() {
        PhoneNumber phone = newPhone();
        centre.delay(phone.e164(), Duration.ofSeconds(3));
        try (HttpSmsGateway gateway = gateway(centre.baseUrl(), Duration.ofMillis(300), LENIENT)) {
            assertThat(gateway.send(sms(phone))).isInstanceOf(SendOutcome.Unavailable.class)
                    .extracting(outcome -> ((SendOutcome.Unavailable) outcome).reason()).asString().contains("did not answer");
        }
    }

    @Test
    void aCentreNobodyListensAtIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (HttpSmsGateway gateway = gateway(URI.create("http://127.0.0.1:" + closedPort + "/sms"), Duration.ofSeconds(1), LENIENT)) {
            assertThat(gateway.send(sms(newPhone()))).isInstanceOf(SendOutcome.Unavailable.class);
        }
    }

    @Test
    void afterRepeatedFailuresTheBreakerHoldsCallsBackWithoutReachingTheCentre() {
        PhoneNumber phone = newPhone();
        centre.answerNext(phone.e164(), 4, 503);
        OutboundBreaker breaker = new OutboundBreaker("SMS centre", new NotificationProperties.CircuitBreaker(50, 4, 4, Duration.ofMinutes(5)));
        try (HttpSmsGateway gateway = new HttpSmsGateway(centre::baseUrl, Duration.ofSeconds(1), Duration.ofSeconds(2),
                JsonMapper.builder().build(), breaker)) {
            for (int i = 0; i < 4; i++) {
                assertThat(gateway.send(sms(phone))).isInstanceOf(SendOutcome.Unavailable.class);
            }

            SendOutcome held = gateway.send(sms(phone));

            assertThat(held).isInstanceOf(SendOutcome.HeldBack.class);
            assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
            assertThat(centre.messagesTo(phone.e164())).hasSize(4);
        }
    }
}
