package kz.tirkeu.partner.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.identity.session.Sessions;
import kz.tirkeu.identity.web.MachineClientAuthentication;
import kz.tirkeu.partner.client.AccessTokens;
import kz.tirkeu.partner.client.PartnerCaller;
import kz.tirkeu.platform.PartnerChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import kz.tirkeu.platform.web.ProblemException;
import kz.tirkeu.platform.web.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerMapping;

/**
 * A partner system's request: its access token in {@code Authorization: Bearer tp.…}, and, when it acts for a person,
 * that person's session in {@value #SESSION_HEADER} — a session the person opened by signing in through this very
 * partner. A session opened anywhere else (or through another partner) is refused here, and a session opened through a
 * partner is refused anywhere else (identity's Sessions binds it to the partner). The partner's budget of requests a
 * minute is enforced, and every call is recorded under the system and the person ({@link PartnerCalls}).
 *
 * <p>Why two credentials rather than one token that is both: the person's consent (their EDS signature and code) and the
 * system's identity (its key) are proved separately and can end separately — a person signs out of one partner without
 * touching the partner's access, and a disabled partner stops at once for everyone who signed in through it.
 */
class PartnerAuthentication extends MachineClientAuthentication {

    public static final String SESSION_HEADER = "Tirkeu-Session";
    static final String CALLER = PartnerCaller.class.getName();
    private static final Logger log = LoggerFactory.getLogger(PartnerAuthentication.class);

    private final AccessTokens tokens;
    private final Sessions sessions;
    private final PartnerRateLimit rateLimit;
    private final PartnerCalls calls;
    private final ProblemWriter problems;

    PartnerAuthentication(AccessTokens tokens, Sessions sessions, PartnerRateLimit rateLimit, PartnerCalls calls, ProblemWriter problems) {
        this.problems = problems;
        this.tokens = tokens;
        this.sessions = sessions;
        this.rateLimit = rateLimit;
        this.calls = calls;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        Optional<String> token = bearer(request).filter(AccessTokens::looksLikeOne);
        if (token.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<PartnerCaller> caller = tokens.authenticate(token.get());
        if (caller.isEmpty()) {
            refuse(request, response, new ProblemException("PARTNER_TOKEN_INVALID", HttpStatus.UNAUTHORIZED,
                    "This partner access token is unknown or expired, or the partner system is disabled. Get a new one at POST /api/v1/partner/token."),
                    OptionalLong.empty());
            return;
        }
        PartnerCaller partner = caller.get();
        OptionalLong retryAfter = rateLimit.admit(partner);
        if (retryAfter.isPresent()) {
            refuse(request, response, new ProblemException("TOO_MANY_REQUESTS", HttpStatus.TOO_MANY_REQUESTS, "Your system has used its "
                    + partner.requestsPerMinute() + " requests for this minute. Wait " + retryAfter.getAsLong() + " seconds and try again.",
                    String.valueOf(partner.requestsPerMinute()), String.valueOf(retryAfter.getAsLong())).situation("partner"), retryAfter);
            record(partner, Optional.empty(), request, 429);
            return;
        }
        Optional<SignedInPerson> person = Optional.empty();
        String session = request.getHeader(SESSION_HEADER);
        if (session != null && !session.isBlank()) {
            person = sessions.authenticate(session.strip(), Optional.of(partner.clientId()));
            if (person.isEmpty()) {
                refuse(request, response, new ProblemException("PARTNER_SESSION_INVALID", HttpStatus.UNAUTHORIZED, "This session was not opened "
                        + "through your system, or it has ended. A partner acts only for people who signed in through it: "
                        + "POST /api/v1/partner/sign-ins/{signInId}/confirmation."), OptionalLong.empty());
                record(partner, Optional.empty(), request, 401);
                return;
            }
        }
        request.setAttribute(CALLER, partner);
        PartnerChannel.mark(request, partner.clientId());
        authenticated(request, partner.clientId(), person);
        try {
            chain.doFilter(request, response);
        } finally {
            record(partner, person.map(p -> p.iin().value()), request, response.getStatus());
        }
    }

    private void record(PartnerCaller partner, Optional<String> personIin, HttpServletRequest request, int status) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        try {
            calls.record(partner.clientId(), personIin, request.getMethod(), pattern == null ? "(no endpoint)" : pattern.toString(), status);
        } catch (RuntimeException e) {
            // The answer is already the partner's; a lost log row must not turn it into an error.
            log.error("The call of partner {} could not be recorded", partner.clientId(), e);
        }
    }

    private static Optional<String> bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? Optional.of(header.substring(7).strip()) : Optional.empty();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, ProblemException problem, OptionalLong retryAfter)
            throws IOException {
        retryAfter.ifPresent(seconds -> response.setHeader("Retry-After", Long.toString(seconds)));
        if (problem.status() == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"tirkeu-partners\"");
        }
        problems.write(request, response, problem);
    }
}
