package vn.dossierpost.domain;

import java.util.Optional;

/**
 * The kinds of file a scan may be, recognised by their first bytes (magic numbers), never by the
 * name or the type the client declares: a renamed text file is not a PDF.
 */
public enum ScanType {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    TIFF_LITTLE_ENDIAN("image/tiff", new byte[] {'I', 'I', '*', 0}),
    TIFF_BIG_ENDIAN("image/tiff", new byte[] {'M', 'M', 0, '*'});

    /** Bytes to read before {@link #detect} can decide. */
    public static final int MAGIC_LENGTH = 8;

    /** What the refusal of an unknown type tells the clerk. */
    public static final String ACCEPTED = "PDF, JPEG, PNG or TIFF";

    private final String mediaType;
    private final byte[] magic;

    ScanType(String mediaType, byte[] magic) {
        this.mediaType = mediaType;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The type whose magic number the first {@code length} bytes of {@code head} start with. */
    public static Optional<ScanType> detect(byte[] head, int length) {
        for (ScanType t : values()) {
            if (length >= t.magic.length && startsWith(head, t.magic)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
