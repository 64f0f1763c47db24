package vn.dossierpost.service;

/**
 * The database could not be reached, or kept failing transiently, for the whole time {@link DatabaseRetry}
 * tries: the work is not wrong and is to be done again later.
 */
public final class DatabaseUnavailable extends RuntimeException {
    public DatabaseUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
