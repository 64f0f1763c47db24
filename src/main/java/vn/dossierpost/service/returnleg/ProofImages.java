package vn.dossierpost.service.returnleg;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import vn.dossierpost.api.AttemptRequest;
import vn.dossierpost.domain.ScanType;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.Text;
import vn.dossierpost.storage.BlobStore;
import vn.dossierpost.storage.StagedBlob;

/**
 * The recipient's signature or photo taken at a delivery (QĐ 45/2016 Art. 10): checked and staged
 * before the delivery's transaction, kept in the scan store only when the delivery is recorded, and
 * dropped from staging whatever happened.
 */
public final class ProofImages {
    private static final int MAX_BYTES = 2 * 1024 * 1024;

    private final BlobStore store;

    public ProofImages(BlobStore store) {
        this.store = store;
    }

    /** The image staged (not yet in the store), checked to be a PNG or JPEG of at most 2 MB; null when none was sent. */
    public StagedBlob stage(AttemptRequest.Proof proof) {
        if (proof == null || Text.blank(proof.base64())) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(proof.base64());
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("proof.base64", "is not base64: " + e.getMessage());
        }
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            throw Problem.invalid("proof.base64", "must be an image of 1 byte to 2 MB");
        }
        ScanType type = ScanType.detect(bytes, Math.min(bytes.length, ScanType.MAGIC_LENGTH))
                .orElse(null);
        if (type == null
                || !(type == ScanType.PNG || type == ScanType.JPEG)
                || !type.mediaType().equals(proof.mediaType())) {
            throw Problem.invalid(
                    "proof",
                    "must be a PNG or JPEG image whose mediaType (image/png or image/jpeg) matches its content");
        }
        try {
            return store.stage(new ByteArrayInputStream(bytes), MAX_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("the proof image could not be staged", e);
        }
    }

    /** Into the store, within the delivery's transaction. */
    void keep(StagedBlob proof) {
        if (proof == null) {
            return;
        }
        try {
            store.place(proof);
        } catch (IOException e) {
            throw new UncheckedIOException("the proof image could not be stored", e);
        }
    }

    /** Out of staging (a no-op once kept). */
    void discard(StagedBlob proof) {
        if (proof != null) {
            store.discard(proof);
        }
    }
}
