package kz.tirkeu.identity.session;

import org.springframework.modulith.NamedInterface;

/** A browser's cookie session (idle timeout, CSRF-protected) or an API client's short-lived bearer token. */
@NamedInterface("sessions")
public enum SessionKind {
    COOKIE,
    BEARER
}
