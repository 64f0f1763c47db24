package vn.dossierpost.service.counter;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dossierpost.api.FileView;
import vn.dossierpost.api.UploadResult;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.DossierFileDAO;
import vn.dossierpost.db.DossierFileDAO.FileRow;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.db.OutboxDAO;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.ScanType;
import vn.dossierpost.domain.TimelineEvent;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.BlobLocks;
import vn.dossierpost.service.JsonText;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.counter.IncomingFiles.IncomingFile;
import vn.dossierpost.service.dossier.DossierService;
import vn.dossierpost.storage.BlobStore;
import vn.dossierpost.storage.BlobStore.Placement;
import vn.dossierpost.storage.StagedBlob;
import vn.dossierpost.storage.TooLargeException;

/**
 * Digitisation at the counter (Decree 107/2021): the clerk scans each document of the dossier.
 *
 * <p>An upload is taken in three steps. (1) Before reading the body: the clerk's office, the
 * dossier's status and document, the room left under the dossier's limit. (2) Each file is streamed
 * to staging — its type decided by its first bytes, hashed on the way, cut off at the limit — and a
 * PDF is opened to count its pages. (3) One transaction locks the dossier, checks again, places the
 * blobs under their hashes, writes the file rows and their events and, when every required document
 * has a scan, moves the dossier to DIGITISED through the transition table. Anything refused or broken
 * on the way discards what was staged, so nothing is left behind.
 *
 * <p>Identical bytes are stored once. While a transaction places a blob it holds a PostgreSQL
 * advisory lock on the blob's hash, so a blob placed by a transaction that then fails can be removed
 * without racing another upload of the same bytes: every committed row always has its blob (a crash
 * between placing and committing can only leave an unreferenced blob, which the fixity command lists).
 */
public final class DigitisationService {
    /**
     * Statuses in which scans are taken: before the dossier leaves for the agency, and the documents
     * of a supplement the agency asked for. The counter's dossier page offers its drop zones by it.
     */
    public static final Set<DossierStatus> TAKES_SCANS =
            EnumSet.of(DossierStatus.RECEIVED, DossierStatus.DIGITISED, DossierStatus.SUPPLEMENT_REQUESTED);

    private static final Logger LOG = LoggerFactory.getLogger(DigitisationService.class);
    /** Multipart headers and boundaries around the files: allowed on top of the files when checking Content-Length. */
    private static final long MULTIPART_ALLOWANCE = 64 * 1024;

    private final Jdbi jdbi;
    private final BlobStore store;
    private final DossierService dossiers;
    private final FixityRecorder fixity;
    private final ObjectMapper json;
    private final Clock clock;
    private final long maxFileBytes;
    private final long maxDossierBytes;
    private final int maxFiles;
    private final PdfPages pdfPages;

    public DigitisationService(
            Jdbi jdbi,
            BlobStore store,
            DossierService dossiers,
            FixityRecorder fixity,
            ObjectMapper json,
            Clock clock,
            long maxFileBytes,
            long maxDossierBytes,
            int maxFiles,
            PdfPages pdfPages) {
        this.jdbi = jdbi;
        this.store = store;
        this.dossiers = dossiers;
        this.fixity = fixity;
        this.json = json;
        this.clock = clock;
        this.maxFileBytes = maxFileBytes;
        this.maxDossierBytes = maxDossierBytes;
        this.maxFiles = maxFiles;
        this.pdfPages = pdfPages;
    }

    /** A staged file that passed every check, waiting for the transaction. */
    private record Scan(String name, ScanType type, Integer pages, StagedBlob blob) {}

    /** The limit a file may not pass at most, and which rule it is. */
    private record Budget(long bytes, boolean dossierLimit) {}

    public UploadResult upload(User clerk, String code, String componentCode, Long contentLength, IncomingFiles files)
            throws IOException {
        long stored = precheck(clerk, code, componentCode);
        long room = maxDossierBytes - stored;
        if (contentLength != null && contentLength > room + MULTIPART_ALLOWANCE) {
            throw Problem.tooLarge(
                    "body",
                    "the upload is " + Sizes.describe(contentLength) + " but dossier " + code + " may take only "
                            + Sizes.describe(Math.max(room, 0)) + " more (" + Sizes.describe(maxDossierBytes)
                            + " per dossier, "
                            + Sizes.describe(stored) + " already stored)",
                    Map.of("limitBytes", maxDossierBytes, "storedBytes", stored));
        }
        List<Scan> scans = new ArrayList<>();
        try {
            IncomingFile file;
            while ((file = files.next()) != null) {
                if (scans.size() == maxFiles) {
                    throw Problem.invalid(
                            "files[" + file.index() + "]", "at most " + maxFiles + " files in one upload");
                }
                Budget budget =
                        maxFileBytes <= room ? new Budget(maxFileBytes, false) : new Budget(Math.max(room, 0), true);
                Scan scan = stage(file, budget, code, stored);
                scans.add(scan);
                room -= scan.blob().size();
            }
            if (scans.isEmpty()) {
                throw Problem.invalid(
                        "files", "the upload has no file: send one part per scan (PDF, JPEG, PNG or TIFF)");
            }
            return commit(clerk, code, componentCode, scans);
        } finally {
            scans.forEach(s -> store.discard(s.blob()));
        }
    }

    /** Checks made before the body is read; returns the bytes the dossier's files already take. */
    private long precheck(User clerk, String code, String componentCode) {
        return jdbi.withHandle(h -> {
            DossierRow row = h.attach(DossierDAO.class)
                    .findByCode(code)
                    .orElseThrow(() -> Problem.notFound("no dossier with code " + code));
            checkMayUpload(clerk, row);
            checkComponent(h, row, componentCode);
            return h.attach(DossierFileDAO.class).totalSize(row.id());
        });
    }

    private static void checkMayUpload(User clerk, DossierRow row) {
        if (clerk.role() != Role.COUNTER || clerk.officeCode() == null) {
            throw Problem.forbidden("only a counter clerk of the dossier's post office uploads scans");
        }
        DossierService.checkCanRead(clerk, row);
        DossierStatus status = row.status();
        List<String> accepting = TAKES_SCANS.stream().map(DossierStatus::name).toList();
        Map<String, Object> details = Map.of("currentStatus", status.name(), "allowedStatuses", accepting);
        if (status == DossierStatus.AWAITING_RESULT) {
            throw Problem.conflict(
                    "dossier " + row.code() + " is RETURN_ONLY (" + status
                            + "): the post only carries its result back, " + "there is no paper of it to scan",
                    details);
        }
        if (!TAKES_SCANS.contains(status)) {
            throw Problem.conflict(
                    "dossier " + row.code() + " is " + status + "; scans are taken while it is RECEIVED or DIGITISED, "
                            + "before it leaves for the agency, or SUPPLEMENT_REQUESTED",
                    details);
        }
    }

    private static void checkComponent(Handle h, DossierRow row, String componentCode) {
        List<DossierDAO.ComponentRow> components = h.attach(DossierDAO.class).components(row.id());
        if (components.stream().noneMatch(c -> c.code().equals(componentCode))) {
            throw Problem.invalid(
                    "componentCode",
                    "'" + componentCode + "' is not a document of dossier " + row.code() + "; its documents are "
                            + String.join(
                                    ", ",
                                    components.stream()
                                            .map(DossierDAO.ComponentRow::code)
                                            .toList()));
        }
    }

    /** Streams one file to staging and checks it; refuses with the file's name and the rule. */
    private Scan stage(IncomingFile file, Budget budget, String code, long stored) throws IOException {
        String field = "files[" + file.index() + "]";
        String name = FileNames.check(file.fileName(), field);
        PushbackInputStream content = new PushbackInputStream(file.content(), ScanType.MAGIC_LENGTH);
        byte[] head = new byte[ScanType.MAGIC_LENGTH];
        int n = content.readNBytes(head, 0, head.length);
        if (n == 0) {
            throw Problem.invalid(field, "'" + name + "' is empty");
        }
        ScanType type = ScanType.detect(head, n)
                .orElseThrow(() -> Problem.unsupportedType(
                        field,
                        "'" + name
                                + "' is not a " + ScanType.ACCEPTED
                                + " file: its content does not start like one (the name and the "
                                + "declared type do not count)"));
        content.unread(head, 0, n);
        StagedBlob blob;
        try {
            blob = store.stage(content, budget.bytes());
        } catch (TooLargeException e) {
            throw budget.dossierLimit()
                    ? Problem.tooLarge(
                            field,
                            "'" + name + "' would take dossier " + code + " past its limit of "
                                    + Sizes.describe(maxDossierBytes) + " (" + Sizes.describe(stored)
                                    + " already stored)",
                            Map.of("limitBytes", maxDossierBytes, "storedBytes", stored))
                    : Problem.tooLarge(
                            field,
                            "'" + name + "' is larger than the limit of " + Sizes.describe(maxFileBytes) + " per file",
                            Map.of("limitBytes", maxFileBytes));
        }
        try {
            Integer pages = type == ScanType.PDF ? pdfPages.count(blob.localFile(), field, name) : null;
            return new Scan(name, type, pages, blob);
        } catch (RuntimeException e) {
            store.discard(blob);
            throw e;
        }
    }

    private UploadResult commit(User clerk, String code, String componentCode, List<Scan> scans) throws IOException {
        return jdbi.inTransaction(h -> {
            DossierRow row = lockForUpload(h, clerk, code, componentCode, scans);
            OffsetDateTime now = OffsetDateTime.now(clock).withNano(0);
            List<String> placedNew = new ArrayList<>();
            try {
                List<FileView> added = new ArrayList<>();
                for (Scan s : scans) {
                    added.add(place(h, clerk, row, componentCode, s, now, placedNew));
                }
                List<String> missing = h.attach(DossierFileDAO.class).requiredWithoutFile(row.id());
                DossierStatus status = row.status();
                if (missing.isEmpty() && status == DossierStatus.RECEIVED) {
                    dossiers.changes()
                            .move(
                                    h,
                                    clerk.actor(),
                                    row,
                                    DossierStatus.DIGITISED,
                                    "every required document is scanned",
                                    null);
                    // Ready to leave: queued for the handover in this same transaction (outbox).
                    h.attach(OutboxDAO.class).enqueue(OutboxDAO.HANDOVER, row.id(), row.agencyCode(), now);
                    status = DossierStatus.DIGITISED;
                }
                return new UploadResult(code, status, added, missing);
            } catch (RuntimeException | IOException e) {
                for (String sha : placedNew) { // still under the blob's advisory lock: no other upload relies on it yet
                    try {
                        store.remove(sha);
                    } catch (IOException | RuntimeException removal) {
                        LOG.warn(
                                "could not remove blob {} placed by a failed upload; the fixity command will list it",
                                sha,
                                removal);
                    }
                }
                throw e;
            }
        });
    }

    /**
     * The dossier locked and checked again (a withdrawal may have come in meanwhile), the dossier's
     * size limit with these scans, and each scan's blob locked, in hash order so that two uploads
     * never wait for each other in a cycle.
     */
    private DossierRow lockForUpload(Handle h, User clerk, String code, String componentCode, List<Scan> scans) {
        DossierRow row = h.attach(DossierDAO.class)
                .lockByCode(code)
                .orElseThrow(() -> Problem.notFound("no dossier with code " + code));
        checkMayUpload(clerk, row);
        checkComponent(h, row, componentCode);
        long stored = h.attach(DossierFileDAO.class).totalSize(row.id());
        long adding = scans.stream().mapToLong(s -> s.blob().size()).sum();
        if (stored + adding > maxDossierBytes) {
            throw Problem.tooLarge(
                    "files",
                    "these files (" + Sizes.describe(adding) + ") would take dossier " + code + " past its limit of "
                            + Sizes.describe(maxDossierBytes) + " (" + Sizes.describe(stored) + " already stored)",
                    Map.of("limitBytes", maxDossierBytes, "storedBytes", stored));
        }
        TreeSet<String> hashes = new TreeSet<>();
        scans.forEach(s -> hashes.add(s.blob().sha256()));
        for (String sha : hashes) {
            BlobLocks.lock(h, sha);
        }
        return row;
    }

    /** One scan into the store and onto the dossier and its timeline; a blob new to the store is noted for a rollback. */
    private FileView place(
            Handle h,
            User clerk,
            DossierRow row,
            String componentCode,
            Scan s,
            OffsetDateTime now,
            List<String> placedNew)
            throws IOException {
        Placement placement = store.place(s.blob());
        if (placement == Placement.NEW) {
            placedNew.add(s.blob().sha256());
        } else if (placement == Placement.REPAIRED) {
            fixity.recordRepair(h, s.blob().sha256(), clerk.username());
        }
        long id = h.attach(DossierFileDAO.class)
                .insert(new DossierFileDAO.NewFile(
                        row.id(),
                        componentCode,
                        s.name(),
                        s.blob().size(),
                        s.blob().sha256(),
                        s.type().mediaType(),
                        s.pages(),
                        clerk.username(),
                        now));
        FileRow fileRow = new FileRow(
                id,
                row.id(),
                componentCode,
                s.name(),
                s.blob().size(),
                s.blob().sha256(),
                s.type().mediaType(),
                s.pages(),
                clerk.username(),
                now,
                null);
        dossiers.changes()
                .record(
                        h,
                        clerk.actor(),
                        row.id(),
                        TimelineEvent.FILE_ADDED,
                        componentCode + ": " + s.name(),
                        eventPayload(fileRow));
        return DossierFiles.view(row.code(), fileRow);
    }

    private String eventPayload(FileRow f) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("fileId", f.id());
        payload.put("componentCode", f.componentCode());
        payload.put("originalName", f.originalName());
        payload.put("sizeBytes", f.sizeBytes());
        payload.put("sha256", f.sha256());
        payload.put("contentType", f.contentType());
        if (f.pageCount() != null) {
            payload.put("pageCount", f.pageCount());
        }
        return JsonText.of(json, payload);
    }
}
