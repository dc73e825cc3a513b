package kz.tirkeu.sandbox.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.TooMuchDataException;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.server.SMTPServer;

/**
 * An SMTP server on this machine that keeps every message it receives instead of delivering it, so
 * that the default run sends real mail over SMTP without reaching anybody's inbox, and testers read
 * it at {@code GET /sandbox/mail/v1/messages}. Any user name and password is accepted, so a mail
 * configuration with credentials works against it unchanged. Listens on the loopback address only.
 *
 * <p>Not being able to listen (the port is taken, e.g. by a second instance on the same machine) is
 * logged, not fatal: the platform still starts, and the mail API says the catcher is not listening.
 */
public final class MailCatcher {

    private static final Logger log = LoggerFactory.getLogger(MailCatcher.class);
    /** A notice with a PDF attached stays well below this. */
    static final int MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

    private final int configuredPort;
    private final int retained;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());
    /** Oldest first; the oldest leave once there are more than {@code retained}. */
    private final Map<String, CapturedMail> mails = new LinkedHashMap<>();
    private SMTPServer server;
    private volatile String notListening = "the mail catcher has not been started";

    /** @param port where to listen; 0 for any free port */
    public MailCatcher(int port, int retained, Clock clock) {
        this.configuredPort = port;
        this.retained = retained;
        this.clock = clock;
    }

    public synchronized void start() {
        if (server != null && server.isRunning()) {
            return;
        }
        SMTPServer starting = SMTPServer.port(configuredPort)
                .bindAddress(InetAddress.getLoopbackAddress())
                .hostName("localhost")
                .softwareName("Tirkeu sandbox mail catcher")
                .messageHandlerFactory(Delivery::new)
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, password, context) -> { }))
                .maxMessageSize(MAX_MESSAGE_BYTES)
                .executorService(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        try {
            starting.start();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            notListening = "it could not listen on port " + configuredPort + " (" + cause.getMessage() + ")";
            log.warn("The sandbox mail catcher cannot listen on localhost:{} ({}): mail sent there will fail. Another Tirkeu on this "
                    + "machine may hold the port; set tirkeu.sandbox.mail.smtp-port (0 for any free port).", configuredPort, cause.getMessage());
            return;
        }
        server = starting;
        log.info("Sandbox mail catcher listening on smtp://localhost:{}", server.getPortAllocated());
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
            notListening = "the mail catcher has stopped";
        }
    }

    /** The port it listens on, once started; empty when it could not listen. */
    public synchronized OptionalInt port() {
        return server != null && server.isRunning() ? OptionalInt.of(server.getPortAllocated()) : OptionalInt.empty();
    }

    /** Why it is not listening, when it is not. */
    public String whyNotListening() {
        return notListening;
    }

    /** The mails received for an address (or all), newest first. */
    public List<CapturedMail> received(Optional<String> to) {
        Optional<String> address = to.map(MailCatcher::normalised);
        List<CapturedMail> found = new ArrayList<>();
        synchronized (mails) {
            for (CapturedMail mail : mails.values()) {
                if (address.isEmpty() || normalised(mail.to()).equals(address.get())) {
                    found.add(mail);
                }
            }
        }
        Collections.reverse(found);
        return found;
    }

    private void keep(List<String> recipients, String envelopeSender, byte[] data) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(data));
        Address[] from = message.getFrom();
        String sender = from != null && from.length > 0 && from[0] instanceof InternetAddress address ? address.getAddress() : envelopeSender;
        Parts parts = new Parts();
        parts.collect(message);
        Instant now = clock.instant();
        synchronized (mails) {
            for (String recipient : recipients) {
                CapturedMail mail = new CapturedMail(UUID.randomUUID().toString(), recipient, sender,
                        Optional.ofNullable(message.getSubject()).orElse(""), parts.text, parts.html, now);
                mails.put(mail.id(), mail);
            }
            Iterator<String> oldest = mails.keySet().iterator();
            while (mails.size() > retained) {
                oldest.next();
                oldest.remove();
            }
        }
        log.debug("Sandbox mail catcher received \"{}\" for {}", message.getSubject(), recipients);
    }

    /** The first text/plain and text/html parts, looked for through multiparts; attachments are skipped. */
    private static final class Parts {
        Optional<String> text = Optional.empty();
        Optional<String> html = Optional.empty();

        void collect(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return;
            }
            if (part.isMimeType("text/plain") && text.isEmpty()) {
                text = Optional.of(part.getContent().toString());
            } else if (part.isMimeType("text/html") && html.isEmpty()) {
                html = Optional.of(part.getContent().toString());
            } else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
            }
        }
    }

    private static String normalised(String address) {
        String bare = address.strip();
        if (bare.startsWith("<") && bare.endsWith(">")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        return bare.toLowerCase(Locale.ROOT);
    }

    /** One SMTP transaction: MAIL FROM, RCPT TO (one or more), DATA. */
    private final class Delivery implements MessageHandler {
        private String sender = "";
        private final List<String> recipients = new ArrayList<>();

        Delivery(MessageContext context) {
        }

        @Override
        public void from(String from) {
            sender = from;
        }

        @Override
        public void recipient(String recipient) {
            recipients.add(recipient);
        }

        @Override
        public String data(InputStream data) throws RejectException, TooMuchDataException, IOException {
            byte[] bytes = data.readNBytes(MAX_MESSAGE_BYTES + 1);
            if (bytes.length > MAX_MESSAGE_BYTES) {
                throw new TooMuchDataException("The sandbox mail catcher takes messages up to " + MAX_MESSAGE_BYTES + " bytes");
            }
            try {
                keep(recipients, sender, bytes);
            } catch (MessagingException e) {
                throw new RejectException(554, "The sandbox mail catcher cannot read this message: " + e.getMessage());
            }
            return null;
        }

        @Override
        public void done() {
        }
    }
}
