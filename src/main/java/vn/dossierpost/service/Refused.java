package vn.dossierpost.service;

/**
 * A receiver's refusal that another attempt would not change (an agency's or the SMS gateway's 4xx
 * for a bad request): the message is given up at once instead of being retried until the retry age.
 */
public final class Refused extends RuntimeException {
    public Refused(String message) {
        super(message);
    }
}
