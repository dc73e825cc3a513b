package kz.tirkeu.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.testing.TestClock;
import kz.tirkeu.statesystems.PhoneNumber;

/**
 * The notification point in a running server (real HTTP port, real PostgreSQL), with a fake SMS centre
 * over real HTTP, a real SMTP server (GreenMail), a scripted МБГ and a clock the tests move. The
 * background dispatcher is off: tests call {@link NotificationDispatcher#dispatchDue()} themselves. All
 * the test classes share this one context, so every test works with people of its own (fresh IINs and
 * phone numbers) and never assumes an empty table.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "tirkeu.notification.dispatcher.enabled=false",
        "tirkeu.notification.dispatcher.batch-size=10",
        "tirkeu.notification.retry.first-delay=10s",
        "tirkeu.notification.retry.multiplier=2",
        "tirkeu.notification.retry.max-delay=1h",
        "tirkeu.notification.retry.jitter=0.2",
        "tirkeu.notification.retry.max-attempts=4",
        "tirkeu.notification.sms.receipt-secret=" + NotificationTestSupport.SECRET,
        "tirkeu.notification.sms.read-timeout=3s",
        // The breakers would hold back the scripted failures these tests count; HttpSmsGatewayTest tests them.
        "tirkeu.notification.sms.circuit-breaker.minimum-calls=100000",
        "tirkeu.notification.sms.circuit-breaker.window=100000",
        "tirkeu.notification.email.circuit-breaker.minimum-calls=100000",
        "tirkeu.notification.email.circuit-breaker.window=100000",
        "tirkeu.notification.one-time-code.send-window=3m",
})
@Import(NotificationTestFakes.class)
@AutoConfigureRestTestClient
abstract class NotificationTestSupport {

    static final String SECRET = "test-receipt-secret";
    static final FakeSmsCentre SMS_CENTRE = FakeSmsCentre.start(SECRET);
    static final GreenMail MAIL = startMail();

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("tirkeu.notification.sms.base-url", () -> SMS_CENTRE.baseUrl().toString());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @Autowired
    NotificationPoint notificationPoint;

    @Autowired
    NotificationDispatcher dispatcher;

    @Autowired
    DeliveryTracking tracking;

    @Autowired
    RecipientPreferences preferences;

    @Autowired
    Inbox inbox;

    @Autowired
    TestClock clock;

    @Autowired
    ScriptedMobileCitizensBase mbg;

    @Autowired
    JdbcClient jdbc;

    /** Someone no other test knows. */
    static Iin newPerson() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Iin.generate(LocalDate.of(1960 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                random.nextBoolean(), random.nextInt(10_000));
    }

    static PhoneNumber newPhone() {
        return new PhoneNumber("+7701" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000)));
    }

    NoticeId notifyAwaitingConsent(Iin buyer, String applicationNumber) {
        return notificationPoint.notify(new NoticeRequest(buyer, "application.awaiting-buyer-consent", Map.of(
                "applicationNumber", applicationNumber,
                "sellerName", "Astana Motors LLP",
                "vehicle", "Chevrolet Cobalt 2026",
                "deadline", "2026-03-11",
                // The regime's own text, in each language, as the process passes it (Art. 52(3)).
                "regimeNotice@kk", "Сынақ режимі.", "regimeNotice@ru", "Тестовый режим.", "regimeNotice@en", "A test regime."), applicationNumber));
    }

    static String newApplicationNumber() {
        return "TK-" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    }

    /** Dispatches until nothing is due now (other tests' leftovers included). */
    void dispatchUntilIdle() {
        for (int round = 0; round < 50; round++) {
            if (dispatcher.dispatchDue() == 0) {
                return;
            }
        }
        throw new AssertionError("deliveries kept being due after 50 rounds");
    }

    DeliveryTracking.Delivery delivery(NoticeId notice, Channel channel) {
        List<DeliveryTracking.Delivery> deliveries = tracking.ofNotice(notice);
        return deliveries.stream().filter(d -> d.channel() == channel).findFirst()
                .orElseThrow(() -> new AssertionError("no " + channel + " delivery of " + notice + " in " + deliveries));
    }

    DeliveryTracking.Delivery delivery(DeliveryId id) {
        return tracking.find(id).orElseThrow();
    }

    /** Moves the clock to when the delivery is due, so the next dispatch takes it. */
    void advanceToNextAttempt(DeliveryTracking.Delivery delivery) {
        assertThat(delivery.nextAttemptAt()).as("a next attempt of " + delivery).isPresent();
        clock.advanceTo(delivery.nextAttemptAt().get());
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }
}
