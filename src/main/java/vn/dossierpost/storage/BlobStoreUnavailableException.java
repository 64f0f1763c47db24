package vn.dossierpost.storage;

import java.io.IOException;

/**
 * The scan store cannot be used now: its bucket is missing, its endpoint does not answer, or it
 * refuses the credentials. It is an {@link IOException}, so that what reads or writes scans treats it
 * as a failure to try again later; the API answers 503 with it.
 *
 * <p>{@link #reason()} says what is wrong in an operator's words without host names, folder paths or
 * secrets, and may be shown to users and on the health check; the message adds where the store is,
 * for the log.
 */
public class BlobStoreUnavailableException extends IOException {
    private final String reason;

    public BlobStoreUnavailableException(String reason, String where, Throwable cause) {
        super(reason + " (" + where + ")", cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
