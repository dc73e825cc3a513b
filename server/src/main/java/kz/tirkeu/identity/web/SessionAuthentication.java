package kz.tirkeu.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import kz.tirkeu.identity.session.Sessions;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Finds the session of a request — the HttpOnly cookie of a browser or the bearer token of an API
 * client — and puts the person on the request. No session is not an error here: public endpoints
 * need none, and {@link AccessPolicy} refuses the others.
 */
public class SessionAuthentication extends OncePerRequestFilter {

    public static final String COOKIE = "TIRKEU_SESSION";

    private final Sessions sessions;

    public SessionAuthentication(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        if (MachineClientAuthentication.handled(request)) {
            chain.doFilter(request, response);
            return;
        }
        token(request).flatMap(sessions::authenticate).ifPresent(person -> {
            request.setAttribute(CurrentPerson.ATTRIBUTE, person);
            List<SimpleGrantedAuthority> authorities = person.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(person.iin().value(), null, authorities));
        });
        chain.doFilter(request, response);
    }

    static Optional<String> token(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(header.substring(7).trim()).filter(t -> !t.isEmpty());
        }
        return sessionCookie(request);
    }

    static Optional<String> sessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty()
                : Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).map(Cookie::getValue).filter(v -> !v.isBlank()).findFirst();
    }

    /** Whether the request would be authenticated by an ambient credential (the cookie), which is what CSRF abuses. */
    static boolean carriesSessionCookie(HttpServletRequest request) {
        return sessionCookie(request).isPresent();
    }
}
