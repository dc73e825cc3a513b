package kz.tirkeu.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import kz.tirkeu.pki.cms.Digests;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Idempotency-Key on every state-changing API call (POST, PUT, PATCH, DELETE under /api/), in one place rather than in
 * each controller — before, 13 of 27 POSTs took one although the README promised it for all.
 *
 * <p>Per caller (the signed-in person) and key: the first request claims the key and is served; its answer (status,
 * body, content type and Location), when successful, is kept for {@code tirkeu.retention.idempotent-answers} (24 h) and
 * any repeat with the same method, path and body gets that answer again, marked {@code Idempotent-Replay: true}, without
 * anything being done twice. The same key with another request is refused (422 IDEMPOTENCY_KEY_REUSED); a repeat while
 * the first is still being served is refused (409 IDEMPOTENCY_KEY_IN_PROGRESS, Retry-After) so that two concurrent
 * copies never both do the work. A refused request (4xx, 5xx) is not kept: it can be corrected and sent again with the
 * same key. Without the header a request is served as it is.
 *
 * <p>Not covered ({@link #NOT_COVERED}): the machine callbacks of the payment gateway and the SMS centre (authenticated
 * by HMAC, deduplicated by invoice and message id), and the anonymous sign-in steps and the authenticator enrolment,
 * which are single-use by their challenge and whose answers carry secrets (a bearer token, a TOTP secret) that must not
 * be kept a second time; and the partner systems' own calls under /api/v1/partner/ (token, sign-in, webhooks), whose
 * machine credential is no signed-in person this filter could keep a key for.
 */
@Component
public class IdempotencyKeys extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAY_HEADER = "Idempotent-Replay";
    static final int MAX_KEY_LENGTH = 200;
    /** A claim older than this is taken for one whose server died while serving it, and may be taken over. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final List<PathPattern> NOT_COVERED = Stream.of(
            "/api/v1/payments/callbacks",
            "/api/v1/notifications/sms-receipts",
            "/api/v1/auth/challenges",
            "/api/v1/auth/sign-ins",
            "/api/v1/auth/sign-ins/{signInId}/confirmation",
            "/api/v1/me/totp",
            // Partner systems' own calls: their credential is no signed-in person, so no caller to keep a key for yet.
            "/api/v1/partner/**").map(PathPatternParser.defaultInstance::parse).toList();

    private final JdbcClient db;
    private final Clock clock;
    private final ProblemWriter problems;

    IdempotencyKeys(JdbcClient db, Clock clock, ProblemWriter problems) {
        this.db = db;
        this.clock = clock;
        this.problems = problems;
    }

    /** Whether a call takes an Idempotency-Key: the filter and the OpenAPI document ask the same question. */
    public static boolean covers(String method, String path) {
        if (!STATE_CHANGING.contains(method.toUpperCase()) || !path.startsWith("/api/")) {
            return false;
        }
        PathContainer container = PathContainer.parsePath(path);
        return NOT_COVERED.stream().noneMatch(pattern -> pattern.matches(container));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !covers(request.getMethod(), pathOf(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        Optional<String> caller = caller();
        if (caller.isEmpty()) {
            chain.doFilter(request, response); // the endpoint refuses an anonymous call itself (401)
            return;
        }
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            refuse(request, response, new ProblemException("IDEMPOTENCY_KEY_INVALID", HttpStatus.BAD_REQUEST,
                    "An Idempotency-Key has 1 to " + MAX_KEY_LENGTH + " characters; a UUID is a good choice."));
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (BodyLimit.TooLarge e) {
            throw new ServletException(e); // BodyLimit answers 413 for it
        }
        String digest = digest(request, body);
        if (!claim(caller.get(), key, digest)) {
            answerFromStore(request, response, caller.get(), key, digest);
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new WithBody(request, body), answer);
            kept = keep(caller.get(), key, answer);
        } finally {
            if (!kept) {
                release(caller.get(), key);
            }
            answer.copyBodyToResponse();
        }
    }

    /** The first request with the key takes it (a row without a status); a claim left by a dead server is taken over. */
    private boolean claim(String caller, String key, String digest) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        int claimed = db.sql("insert into idempotent_request (key, caller, request_digest, status, response, created_at) values (?, ?, ?, null, null, ?) "
                + "on conflict do nothing").params(key, caller, digest, now).update();
        if (claimed == 1) {
            return true;
        }
        return db.sql("update idempotent_request set request_digest = ?, created_at = ? where caller = ? and key = ? and status is null and created_at < ?")
                .params(digest, now, caller, key, now.minus(ABANDONED_AFTER)).update() == 1;
    }

    private void answerFromStore(HttpServletRequest request, HttpServletResponse response, String caller, String key, String digest) throws IOException {
        Optional<Stored> stored = db.sql("select request_digest, status, response, content_type, location from idempotent_request where caller = ? and key = ?")
                .params(caller, key).query((rs, n) -> new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .optional();
        if (stored.isEmpty()) {
            // Released between our claim and this read (the first request failed): the caller may simply send it again.
            refuse(request, response, inProgress());
        } else if (!stored.get().digest().equals(digest)) {
            refuse(request, response, new ProblemException("IDEMPOTENCY_KEY_REUSED", HttpStatus.UNPROCESSABLE_CONTENT,
                    "This Idempotency-Key was used for a different request. Use a new key for a new request."));
        } else if (stored.get().status() == null) {
            response.setHeader("Retry-After", "1");
            refuse(request, response, inProgress());
        } else {
            response.setStatus(stored.get().status());
            response.setHeader(REPLAY_HEADER, "true");
            if (stored.get().location() != null) {
                response.setHeader("Location", stored.get().location());
            }
            if (stored.get().response() != null) {
                response.setContentType(stored.get().contentType() == null ? MediaType.APPLICATION_JSON_VALUE : stored.get().contentType());
                byte[] bytes = stored.get().response().getBytes(StandardCharsets.UTF_8);
                response.setContentLength(bytes.length);
                response.getOutputStream().write(bytes);
            }
        }
    }

    private static ProblemException inProgress() {
        return new ProblemException("IDEMPOTENCY_KEY_IN_PROGRESS", HttpStatus.CONFLICT,
                "A request with this Idempotency-Key is still being served. Send it again in a moment to get its answer.");
    }

    /** Only a successful answer in text is kept; anything else frees the key for a corrected request. */
    private boolean keep(String caller, String key, ContentCachingResponseWrapper answer) {
        int status = answer.getStatus();
        String contentType = answer.getContentType();
        byte[] body = answer.getContentAsByteArray();
        if (status < 200 || status >= 300 || !(body.length == 0 || isJson(contentType))) {
            return false;
        }
        return db.sql("update idempotent_request set status = ?, response = ?, content_type = ?, location = ? where caller = ? and key = ?")
                .params(status, body.length == 0 ? null : new String(body, StandardCharsets.UTF_8), body.length == 0 ? null : contentType,
                        answer.getHeader("Location"), caller, key)
                .update() == 1;
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_JSON);
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            return false;
        }
    }

    private void release(String caller, String key) {
        db.sql("delete from idempotent_request where caller = ? and key = ? and status is null").params(caller, key).update();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, ProblemException problem) throws IOException {
        problems.write(request, response, problem); // as every problem a filter tells: the API's format, the caller's language
    }

    private static Optional<String> caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(authentication.getName());
    }

    /** What makes two requests the same one: method, path, query and the exact body bytes. */
    private static String digest(HttpServletRequest request, byte[] body) {
        byte[] line = (request.getMethod() + " " + pathOf(request) + "?" + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(line, line.length + body.length);
        System.arraycopy(body, 0, all, line.length, body.length);
        return HexFormat.of().formatHex(Digests.sha256(all));
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private record Stored(String digest, Integer status, String response, String contentType, String location) {}

    /** The request with its body already read (for the digest), so that the endpoint can read it again. */
    private static final class WithBody extends HttpServletRequestWrapper {

        private final byte[] body;

        WithBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), getCharacterEncoding() == null ? StandardCharsets.UTF_8
                    : java.nio.charset.Charset.forName(getCharacterEncoding())));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
