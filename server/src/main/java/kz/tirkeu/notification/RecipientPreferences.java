package kz.tirkeu.notification;

import kz.tirkeu.pki.InvalidInputException;
import java.time.Instant;
import java.util.Optional;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import kz.tirkeu.pki.identity.Iin;

/**
 * What a person chose about being notified: the language of their notices and, if they want notices by
 * e-mail too, an address they gave voluntarily. The cabinet (identity work) calls this; notices read it.
 */
@Service
public class RecipientPreferences {

    /** A person's choices; a person who never chose has the default language and no e-mail. */
    public record Preferences(Language language, boolean languageChosen, Optional<String> email) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final NotificationProperties properties;
    private final NotificationClock clock;
    private final Deliveries deliveries;

    RecipientPreferences(JdbcClient jdbc, NotificationTransactions transactions, NotificationProperties properties,
                         NotificationClock clock, Deliveries deliveries) {
        this.jdbc = jdbc;
        this.transaction = transactions.template();
        this.properties = properties;
        this.clock = clock;
        this.deliveries = deliveries;
    }

    private record Row(String language, String email) {}

    public Preferences of(Iin person) {
        Optional<Row> row = jdbc.sql("SELECT language, email FROM recipient_preferences WHERE iin = :iin")
                .param("iin", person.value())
                .query(Row.class)
                .optional();
        Optional<Language> chosen = row.flatMap(r -> Language.ofTag(r.language()));
        return new Preferences(chosen.orElse(properties.defaultLanguage()), chosen.isPresent(),
                row.map(Row::email));
    }

    public Language languageOf(Iin person) {
        return of(person).language();
    }

    public void chooseLanguage(Iin person, Language language) {
        jdbc.sql("""
                INSERT INTO recipient_preferences (iin, language, updated_at) VALUES (:iin, :language, :now)
                ON CONFLICT (iin) DO UPDATE SET language = EXCLUDED.language, updated_at = EXCLUDED.updated_at
                """)
                .param("iin", person.value())
                .param("language", language.tag())
                .param("now", clock.timestamp())
                .update();
    }

    /**
     * Records an address the person gives to receive notices by e-mail as well (from the next notice on).
     *
     * @throws IllegalArgumentException if it is not a single plain e-mail address
     */
    public void giveEmail(Iin person, String address) {
        String email = plainAddress(address);
        jdbc.sql("""
                INSERT INTO recipient_preferences (iin, email, email_given_at, updated_at) VALUES (:iin, :email, :now, :now)
                ON CONFLICT (iin) DO UPDATE SET email = EXCLUDED.email, email_given_at = EXCLUDED.email_given_at,
                                                updated_at = EXCLUDED.updated_at
                """)
                .param("iin", person.value())
                .param("email", email)
                .param("now", clock.timestamp())
                .update();
    }

    /**
     * The person withdraws the address (Digital Code Art. 29: voluntarily given data is deleted on
     * request). It is erased from the preferences and from every delivery that went, or was to go, to it;
     * deliveries not yet sent fail, since there is no longer anywhere to send them.
     *
     * @return the number of deliveries the address was erased from
     */
    public int forgetEmail(Iin person) {
        return transaction.execute(status -> {
            Instant now = clock.instant();
            jdbc.sql("UPDATE recipient_preferences SET email = NULL, email_given_at = NULL, updated_at = :now WHERE iin = :iin")
                    .param("iin", person.value())
                    .param("now", clock.timestamp(now))
                    .update();
            return deliveries.failPendingAndEraseEmail(person, now);
        });
    }

    static String plainAddress(String address) {
        if (address == null || address.isBlank() || address.length() > 254) {
            throw new InvalidInputException("An e-mail address is needed, at most 254 characters");
        }
        try {
            InternetAddress parsed = new InternetAddress(address.strip(), true);
            parsed.validate();
            if (parsed.getPersonal() != null || parsed.isGroup() || !parsed.getAddress().contains("@")) {
                throw new InvalidInputException("Only a plain address like name@example.kz: '" + address + "'");
            }
            return parsed.getAddress();
        } catch (AddressException e) {
            throw new InvalidInputException("Not an e-mail address: '" + address + "'", e);
        }
    }
}
