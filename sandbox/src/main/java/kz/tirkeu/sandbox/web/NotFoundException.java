package kz.tirkeu.sandbox.web;

/** Nothing in the sandbox by that name; the message says what exists instead. Answered 404. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
