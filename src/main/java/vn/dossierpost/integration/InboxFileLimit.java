package vn.dossierpost.integration;

/**
 * The largest file an agency's inbox folder may hold: checked from the file's length before its
 * content is read, so a huge file goes to {@code .failed/} with the reason instead of into memory.
 */
public final class InboxFileLimit {
    private final long maxBytes;

    public InboxFileLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public void check(String fileName, long length) {
        if (length > maxBytes) {
            throw new IllegalArgumentException(fileName + " is " + length + " bytes, larger than the limit of "
                    + maxBytes + " bytes for an inbox file (limits.maxInboxFile); split it");
        }
    }
}
