package kz.tirkeu.sandbox.web;

/** A request the sandbox cannot act on as sent; the message says what to send. Answered 400. */
public class BadRequestException extends RuntimeException {
    public BadRequestException(String message) {
        super(message);
    }
}
