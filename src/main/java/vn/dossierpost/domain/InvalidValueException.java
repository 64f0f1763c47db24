package vn.dossierpost.domain;

/**
 * A value from outside (a clerk, an agency, a file) does not have the required form. The message
 * says what is expected, without the field name: callers prefix the field path themselves.
 */
public class InvalidValueException extends RuntimeException {

    public InvalidValueException(String message) {
        super(message);
    }
}
