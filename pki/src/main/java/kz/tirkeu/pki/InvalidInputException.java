package kz.tirkeu.pki;

/**
 * Input from outside that is not what it must be — an identifier, a signature, a certificate, a request's field —
 * said in words its sender can act on. Only this is the sender's mistake: the server answers it with 400 and the
 * message, while any other {@link IllegalArgumentException} is a fault of ours (500, nothing internal shown).
 */
public class InvalidInputException extends IllegalArgumentException {

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
