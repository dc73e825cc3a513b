package kz.tirkeu.pki.identity;

/** An IIN or BIN that is not twelve digits or whose check digit does not match. */
public class InvalidIdentifierException extends kz.tirkeu.pki.InvalidInputException {
    public InvalidIdentifierException(String message) {
        super(message);
    }
}
