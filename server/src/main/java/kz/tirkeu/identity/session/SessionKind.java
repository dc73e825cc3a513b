package kz.tirkeu.identity.session;

/** A browser's cookie session (idle timeout, CSRF-protected) or an API client's short-lived bearer token. */
public enum SessionKind {
    COOKIE,
    BEARER
}
