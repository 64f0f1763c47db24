package vn.dossierpost.service.counter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.FileView;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.DossierFileDAO;
import vn.dossierpost.db.DossierFileDAO.FileRow;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.dossier.DossierService;
import vn.dossierpost.storage.BlobStore;
import vn.dossierpost.storage.Fixity;

/** A dossier's scans as staff and the receiving agency read them: the list, and each file checked before it is served. */
public final class DossierFiles {
    private final Jdbi jdbi;
    private final BlobStore store;
    private final FixityRecorder fixity;

    public DossierFiles(Jdbi jdbi, BlobStore store, FixityRecorder fixity) {
        this.jdbi = jdbi;
        this.store = store;
        this.fixity = fixity;
    }

    /** The dossier's files, for whoever may read the dossier. */
    public List<FileView> list(User user, String code) {
        return jdbi.withHandle(h -> {
            DossierRow row = h.attach(DossierDAO.class)
                    .findByCode(code)
                    .orElseThrow(() -> Problem.notFound("no dossier with code " + code));
            DossierService.checkCanRead(user, row);
            return h.attach(DossierFileDAO.class).ofDossier(row.id()).stream()
                    .map(f -> view(code, f))
                    .toList();
        });
    }

    /** A file to serve, after its bytes were found to match its SHA-256 just now. */
    public record ServedFile(String dossierCode, FileView file) {}

    /**
     * The file, if the user may read the dossier (its office, supervisors, and after handover the
     * receiving agency) and its stored bytes still hash to its SHA-256. Every download re-hashes the
     * blob — a damaged scan must never reach an agency as if it were good — and a mismatch is answered
     * 409 and written down (see {@link FixityRecorder}).
     */
    public ServedFile open(User user, String code, String fileId) {
        FileRow file = jdbi.withHandle(h -> {
            DossierRow row = h.attach(DossierDAO.class)
                    .findByCode(code)
                    .orElseThrow(() -> Problem.notFound("no dossier with code " + code));
            DossierService.checkCanRead(user, row);
            Optional<FileRow> found =
                    parseId(fileId).flatMap(id -> h.attach(DossierFileDAO.class).find(row.id(), id));
            return found.orElseThrow(() -> Problem.notFound("no file " + fileId + " in dossier " + code));
        });
        Fixity check;
        try {
            check = store.verify(file.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blob " + file.sha256(), e);
        }
        if (!check.ok()) {
            fixity.recordFailure(
                    check, user.username(), "found while serving file " + file.id() + " to " + user.username());
            String what = check.status() == Fixity.Status.MISSING
                    ? "its bytes are missing from the store"
                    : "its bytes no longer match its SHA-256";
            throw Problem.conflict(
                    "stored file failed its integrity check: file " + file.id() + " '" + file.originalName()
                            + "' (" + file.componentCode() + ") of dossier " + code + " is not served because " + what
                            + "; scan the paper document again",
                    Map.of(
                            "fileId",
                            file.id(),
                            "sha256",
                            file.sha256(),
                            "fixity",
                            check.status().name()));
        }
        return new ServedFile(code, view(code, file));
    }

    private static Optional<Long> parseId(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static FileView view(String code, FileRow f) {
        return new FileView(
                f.id(),
                f.componentCode(),
                f.originalName(),
                f.sizeBytes(),
                f.sha256(),
                f.contentType(),
                f.pageCount(),
                f.uploadedBy(),
                f.uploadedAt(),
                f.fixityFailedAt(),
                "/api/dossiers/" + code + "/files/" + f.id());
    }
}
