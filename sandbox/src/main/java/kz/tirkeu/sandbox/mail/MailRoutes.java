package kz.tirkeu.sandbox.mail;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Optional;
import kz.tirkeu.sandbox.web.NotFoundException;
import kz.tirkeu.sandbox.web.SandboxNotReadyException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The mail catcher over HTTP:
 * <pre>
 *   GET /sandbox/mail/v1/messages?to=…   the mails received for an address (or all), newest first
 * </pre>
 * 503 when the catcher is not listening: "no mail" would be the wrong answer then.
 */
public final class MailRoutes {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MailView(String id, String to, String from, String subject, String text, String html, Instant receivedAt) {
        static MailView of(CapturedMail mail) {
            return new MailView(mail.id(), mail.to(), mail.from(), mail.subject(), mail.text().orElse(null), mail.html().orElse(null),
                    mail.receivedAt());
        }
    }

    private final MailCatcher catcher;

    public MailRoutes(MailCatcher catcher) {
        this.catcher = catcher;
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET("/sandbox/mail/v1/messages", this::messages)
                .GET("/sandbox/mail", new MailPage(catcher)::render)
                .build();
    }

    /** With the catcher switched off, its address says so rather than "no such thing". */
    public static RouterFunction<ServerResponse> off() {
        return RouterFunctions.route()
                .GET("/sandbox/mail/v1/messages", request -> {
                    throw new NotFoundException("The sandbox mail catcher is off (tirkeu.sandbox.mail.enabled=false).");
                })
                .GET("/sandbox/mail", request -> {
                    throw new NotFoundException("The sandbox mail catcher is off (tirkeu.sandbox.mail.enabled=false).");
                })
                .build();
    }

    private ServerResponse messages(ServerRequest request) {
        if (catcher.port().isEmpty()) {
            throw new SandboxNotReadyException("The sandbox mail catcher is not listening: " + catcher.whyNotListening() + ".");
        }
        Optional<String> to = request.param("to").filter(value -> !value.isBlank());
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(catcher.received(to).stream().map(MailView::of).toList());
    }
}
