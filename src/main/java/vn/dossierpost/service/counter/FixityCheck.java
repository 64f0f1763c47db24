package vn.dossierpost.service.counter;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.db.DossierFileDAO;
import vn.dossierpost.db.DossierFileDAO.BlobRef;
import vn.dossierpost.db.DossierFileDAO.FileRow;
import vn.dossierpost.storage.BlobStore;
import vn.dossierpost.storage.Fixity;

/**
 * Re-hashes every blob the file rows refer to and reports those missing or damaged, with the files
 * and dossiers that use them; a failure found for the first time is written down (see
 * {@link FixityRecorder}). Also counts blobs no row refers to (left by a crash between storing a
 * scan and committing its row; harmless, and safe to delete).
 */
public final class FixityCheck {
    private static final int PAGE = 1000;
    public static final String ACTOR = "fixity-check";

    private final Jdbi jdbi;
    private final BlobStore store;
    private final FixityRecorder recorder;

    public FixityCheck(Jdbi jdbi, BlobStore store, FixityRecorder recorder) {
        this.jdbi = jdbi;
        this.store = store;
        this.recorder = recorder;
    }

    /** A file that uses a damaged or missing blob, and its dossier. */
    public record AffectedFile(String dossierCode, FileRow file) {}

    public record Failure(Fixity fixity, List<AffectedFile> files, boolean newlyRecorded) {}

    public record Report(
            long blobs,
            long bytes,
            long files,
            List<Failure> missing,
            List<Failure> corrupted,
            long unreferencedBlobs,
            Duration elapsed) {
        public boolean clean() {
            return missing.isEmpty() && corrupted.isEmpty();
        }
    }

    public Report run() throws IOException {
        long started = System.nanoTime();
        long blobs = 0, bytes = 0, files = 0;
        List<Failure> missing = new ArrayList<>();
        List<Failure> corrupted = new ArrayList<>();
        String after = "";
        while (true) {
            String from = after;
            List<BlobRef> page = jdbi.withExtension(DossierFileDAO.class, dao -> dao.blobs(from, PAGE));
            if (page.isEmpty()) {
                break;
            }
            for (BlobRef ref : page) {
                blobs++;
                files += ref.files();
                Fixity fixity = store.verify(ref.sha256());
                if (fixity.ok()) {
                    bytes += fixity.actualSize();
                    continue;
                }
                boolean recorded = !recorder.recordFailure(fixity, ACTOR, "found by the fixity check")
                        .isEmpty();
                Failure failure = new Failure(fixity, affected(ref.sha256()), recorded);
                (fixity.status() == Fixity.Status.MISSING ? missing : corrupted).add(failure);
            }
            after = page.get(page.size() - 1).sha256();
        }
        AtomicInteger unreferenced = new AtomicInteger();
        store.forEachBlob(sha -> {
            if (!jdbi.withExtension(DossierFileDAO.class, dao -> dao.referenced(sha))) {
                unreferenced.incrementAndGet();
            }
        });
        return new Report(
                blobs,
                bytes,
                files,
                missing,
                corrupted,
                unreferenced.get(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private List<AffectedFile> affected(String sha256) {
        return jdbi.withExtension(
                DossierFileDAO.class,
                dao -> dao.withHash(sha256).stream()
                        .map(f -> new AffectedFile(dao.dossierCode(f.dossierId()), f))
                        .toList());
    }
}
