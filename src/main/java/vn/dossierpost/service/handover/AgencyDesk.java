package vn.dossierpost.service.handover;

import static vn.dossierpost.domain.DossierStatus.DELIVERED_TO_AGENCY;
import static vn.dossierpost.domain.DossierStatus.IN_PROCESSING;
import static vn.dossierpost.domain.DossierStatus.IN_TRANSIT_TO_AGENCY;
import static vn.dossierpost.domain.DossierStatus.SUPPLEMENT_REQUESTED;

import java.io.IOException;
import java.io.OutputStream;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.DossierView;
import vn.dossierpost.api.EventView;
import vn.dossierpost.api.FileView;
import vn.dossierpost.db.AgencyDeskDAO;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.domain.DossierCode;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.LegClock;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.S10Number;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.counter.DossierFiles;
import vn.dossierpost.service.counter.DossierFiles.ServedFile;
import vn.dossierpost.service.counter.DossierSearch;
import vn.dossierpost.service.dossier.DossierService;
import vn.dossierpost.storage.BlobStore;

/**
 * The agency's desk, for agencies without a system of their own: the dossiers handed to the
 * agency, sorted into what it has to do (new, in processing, a supplement awaited, overdue on its
 * own clock), one dossier with its scans, and every scan in one ZIP. Who sees what is the
 * dossiers' one rule ({@link DossierService#checkCanRead}): an agency only dossiers handed to it.
 * Its answers go through {@link AgencyEventService}, as its system's would.
 */
public final class AgencyDesk {
    /** The most lines one tab shows; a search finds the others. */
    public static final int LIMIT = 200;

    /** The desk's tabs, each a set of statuses ({@link #OVERDUE}: past the result date as well). */
    public enum Tab {
        /** Sent to the agency, its reception not confirmed yet. */
        NEW(EnumSet.of(IN_TRANSIT_TO_AGENCY)),
        /** Received: the agency's clock runs. */
        PROCESSING(EnumSet.of(DELIVERED_TO_AGENCY, IN_PROCESSING)),
        /** The applicant holds it: no clock runs until the supplement comes back. */
        SUPPLEMENT(EnumSet.of(SUPPLEMENT_REQUESTED)),
        /** The agency's clock ran out: the result appointment has passed. */
        OVERDUE(visible(LegClock.Stage.AT_AGENCY.statuses())),
        /** Everything ever handed to the agency. */
        ALL(visible(EnumSet.allOf(DossierStatus.class)));

        private final Set<DossierStatus> statuses;

        Tab(Set<DossierStatus> statuses) {
            this.statuses = statuses;
        }

        public Set<DossierStatus> statuses() {
            return statuses;
        }

        private static Set<DossierStatus> visible(Set<DossierStatus> statuses) {
            Set<DossierStatus> shown = EnumSet.copyOf(statuses);
            shown.removeAll(DossierService.NOT_HANDED_OVER);
            return shown;
        }
    }

    /** One dossier as the desk lists it. */
    public record Line(
            String code,
            String s10Number,
            DossierStatus status,
            String procedure,
            String applicantName,
            OffsetDateTime receivedAt,
            LocalDate resultDue,
            boolean overdue) {}

    /** One tab's dossiers, how many each tab holds, and whether there are more than shown. */
    public record Listing(Map<Tab, Long> counts, List<Line> lines, boolean more) {}

    /** A dossier as the desk shows it: the view, its scans and timeline, and the handovers that brought it. */
    public record Dossier(DossierView view, List<FileView> files, List<EventView> events, List<String> handovers) {}

    private final Jdbi jdbi;
    private final DossierService dossiers;
    private final DossierFiles files;
    private final BlobStore store;
    private final ReferenceDataCache referenceData;
    private final Clock clock;

    public AgencyDesk(
            Jdbi jdbi,
            DossierService dossiers,
            DossierFiles files,
            BlobStore store,
            ReferenceDataCache referenceData,
            Clock clock) {
        this.jdbi = jdbi;
        this.dossiers = dossiers;
        this.files = files;
        this.store = store;
        this.referenceData = referenceData;
        this.clock = clock;
    }

    /**
     * A tab of the agency's dossiers, the soonest result date first, narrowed by what was typed: a
     * dossier code or S10 number, or words of the applicant's name (with or without diacritics).
     */
    public Listing list(User agency, Tab tab, String typed) {
        String agencyCode = agencyOf(agency);
        LocalDate today = LocalDate.now(clock);
        String q = typed == null ? "" : Normalizer.normalize(typed.strip(), Normalizer.Form.NFC);
        String code = DossierCode.looksLike(q) || S10Number.isValid(q) ? q.toUpperCase(Locale.ROOT) : null;
        String words = code == null && !q.isEmpty() ? DossierSearch.fold(q) : null;
        if (words != null && words.replace(" ", "").length() < 2) {
            throw Problem.invalid("q", "Nhập mã hồ sơ, số hiệu bưu gửi hoặc ít nhất 2 chữ của họ tên.");
        }
        return jdbi.withExtension(AgencyDeskDAO.class, dao -> {
            List<DossierRow> rows = dao.list(
                    agencyCode,
                    tab.statuses(),
                    tab == Tab.OVERDUE,
                    today,
                    code != null,
                    code,
                    words != null,
                    words,
                    LIMIT + 1);
            return new Listing(
                    counts(dao.counts(agencyCode, Tab.ALL.statuses(), today)),
                    rows.stream().limit(LIMIT).map(r -> line(r, today)).toList(),
                    rows.size() > LIMIT);
        });
    }

    private static Map<Tab, Long> counts(List<AgencyDeskDAO.StatusCount> byStatus) {
        Map<Tab, Long> counts = new EnumMap<>(Tab.class);
        for (Tab tab : Tab.values()) {
            counts.put(
                    tab,
                    byStatus.stream()
                            .filter(c -> tab.statuses().contains(c.status()))
                            .mapToLong(c -> tab == Tab.OVERDUE ? c.pastResultDue() : c.dossiers())
                            .sum());
        }
        return counts;
    }

    private Line line(DossierRow r, LocalDate today) {
        boolean overdue = Tab.OVERDUE.statuses().contains(r.status())
                && r.resultDue() != null
                && r.resultDue().isBefore(today);
        return new Line(
                r.code(),
                r.s10Number(),
                r.status(),
                referenceData
                        .get()
                        .procedure(r.procedureCode())
                        .map(p -> p.name())
                        .orElse(r.procedureCode()),
                r.applicantName(),
                r.receivedAt(),
                r.resultDue(),
                overdue);
    }

    /** One of the agency's dossiers (403 for any other, as on the API). */
    public Dossier dossier(User agency, String code) {
        String agencyCode = agencyOf(agency);
        DossierView view = dossiers.view(agency, code);
        return new Dossier(
                view,
                files.list(agency, code),
                dossiers.events(agency, code),
                jdbi.withExtension(AgencyDeskDAO.class, dao -> dao.handovers(agencyCode, view.code())));
    }

    /**
     * Every scan of the dossier, each checked against its SHA-256 before a byte is sent (a damaged
     * one is a 409 then, as a single download is), to be written by {@link #writeZip}.
     */
    public List<ServedFile> zipContents(User agency, String code) {
        agencyOf(agency);
        return files.list(agency, code).stream()
                .map(f -> files.open(agency, code, String.valueOf(f.id())))
                .toList();
    }

    /**
     * "TO_KHAI/tờ khai.pdf": the name a scan was uploaded under never leaves its document's folder
     * on the agency's computer, whatever it holds ("../../x.bat", "a\b", "C:/x"): separators become
     * '_' and leading dots go.
     */
    static String entryName(String componentCode, String originalName, long id) {
        String name = originalName == null
                ? ""
                : originalName.replaceAll("[/\\\\:]", "_").replaceFirst("^[.\\s]+", "");
        return componentCode + "/" + (name.isEmpty() ? "tep-" + id : name);
    }

    /** The scans as one ZIP, a folder per document ({@code TO_KHAI/tờ khai.pdf}), streamed as it is read. */
    public void writeZip(List<ServedFile> contents, OutputStream out) throws IOException {
        Set<String> names = new HashSet<>();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ServedFile served : contents) {
                FileView f = served.file();
                String name = entryName(f.componentCode(), f.originalName(), f.id());
                if (!names.add(name)) {
                    name = entryName(f.componentCode(), f.id() + "-" + f.originalName(), f.id());
                    names.add(name);
                }
                zip.putNextEntry(new ZipEntry(name));
                store.copy(f.sha256(), 0, f.sizeBytes(), zip);
                zip.closeEntry();
            }
        }
    }

    private static String agencyOf(User user) {
        if (user.role() != Role.AGENCY || user.agencyCode() == null) {
            throw Problem.forbidden("the agency desk is for agency staff");
        }
        return user.agencyCode();
    }
}
