package vn.dossierpost.storage;

/** The outcome of re-hashing a stored blob: intact, gone, or bytes that no longer match the address. */
public record Fixity(Status status, String sha256, String actualSha256, long actualSize) {

    public enum Status {
        OK,
        MISSING,
        CORRUPTED
    }

    public boolean ok() {
        return status == Status.OK;
    }

    static Fixity ok(String sha256, long size) {
        return new Fixity(Status.OK, sha256, sha256, size);
    }

    static Fixity missing(String sha256) {
        return new Fixity(Status.MISSING, sha256, null, -1);
    }

    static Fixity corrupted(String sha256, String actual, long size) {
        return new Fixity(Status.CORRUPTED, sha256, actual, size);
    }
}
