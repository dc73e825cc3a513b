package kz.tirkeu.sandbox.web;

/** The sandbox cannot answer yet (it is starting); answered 503 with Retry-After. */
public class SandboxNotReadyException extends RuntimeException {
    public SandboxNotReadyException(String message) {
        super(message);
    }
}
