package vn.dossierpost.storage;

import java.io.IOException;

/** An upload went past the byte limit it was staged with; what was written is already deleted. */
public class TooLargeException extends IOException {
    private final long limit;

    public TooLargeException(long limit) {
        super("more than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
