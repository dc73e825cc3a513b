package kz.tirkeu.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import kz.tirkeu.identity.SignedInPerson;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.modulith.NamedInterface;

/**
 * A filter that authenticates a machine client (a partner system, see the partner area) its own way, ahead of
 * {@link SessionAuthentication} in the security chain. What it finds it hands over with {@link #authenticated}: then
 * the request is that client's, acting for the person whose session the client presented (or for no one), and no
 * session of the ordinary kind is looked for — a machine client's request is never also a browser's or an API
 * client's. Declare it as a bean (with its servlet registration disabled: it runs inside the security chain only).
 */
@NamedInterface("sessions")
public abstract class MachineClientAuthentication extends OncePerRequestFilter {

    static final String HANDLED = MachineClientAuthentication.class.getName() + ".handled";

    /** The request was authenticated by this filter: for {@code person}, if the client presented one's session. */
    protected static void authenticated(HttpServletRequest request, String client, Optional<SignedInPerson> person) {
        request.setAttribute(HANDLED, client);
        person.ifPresent(p -> {
            request.setAttribute(CurrentPerson.ATTRIBUTE, p);
            List<SimpleGrantedAuthority> authorities = p.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p.iin().value(), null, authorities));
        });
    }

    static boolean handled(HttpServletRequest request) {
        return request.getAttribute(HANDLED) != null;
    }
}
