package vn.dossierpost.service.counter;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.DossierDAO.SearchBy;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.domain.CitizenId;
import vn.dossierpost.domain.DossierCode;
import vn.dossierpost.domain.InvalidValueException;
import vn.dossierpost.domain.PhoneNumber;
import vn.dossierpost.domain.S10Number;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.catalogue.ReferenceDataCache;

/**
 * Finding a dossier from what the clerk typed: its code, its S10 number (outbound or return item),
 * the applicant's CCCD (12 digits), phone number, or name: some or all of its words, in any order,
 * with or without diacritics ("hong nhung" finds Nguyễn Thị Hồng Nhung).
 * A clerk finds only their own office's dossiers; a supervisor or administrator every office's.
 * Newest first, a page at a time; {@code next} continues after the last row shown.
 */
public final class DossierSearch {
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern DIGITS_ONLY = Pattern.compile("[\\d\\s.+\\-]+");

    /** What the text was taken for. */
    public enum Kind {
        CODE("mã hồ sơ"),
        S10("số hiệu bưu gửi"),
        CITIZEN_ID("số CCCD"),
        PHONE("số điện thoại"),
        NAME("họ tên người nộp");

        private final String labelVi;

        Kind(String labelVi) {
            this.labelVi = labelVi;
        }

        public String labelVi() {
            return labelVi;
        }
    }

    /** One page of matches; {@code next} (the last id shown) fetches the following page, null at the end. */
    public record Result(Kind kind, List<DossierLine> lines, Long next) {
        /** The one dossier a code or S10 number names, to open straight away. */
        public Optional<String> single() {
            return (kind == Kind.CODE || kind == Kind.S10) && lines.size() == 1 && next == null
                    ? Optional.of(lines.get(0).code())
                    : Optional.empty();
        }
    }

    private final Jdbi jdbi;
    private final ReferenceDataCache referenceData;
    private final Clock clock;

    public DossierSearch(Jdbi jdbi, ReferenceDataCache referenceData, Clock clock) {
        this.jdbi = jdbi;
        this.referenceData = referenceData;
        this.clock = clock;
    }

    public Result search(User user, String typed, Long before, int pageSize) {
        String office = scope(user);
        String q = typed == null ? "" : Normalizer.normalize(typed.strip(), Normalizer.Form.NFC);
        if (q.isEmpty()) {
            throw Problem.invalid("q", "Nhập mã hồ sơ, số hiệu bưu gửi, số CCCD, số điện thoại hoặc họ tên.");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw Problem.invalid("size", "Số dòng mỗi trang từ 1 đến " + MAX_PAGE_SIZE + ".");
        }
        if (DossierCode.looksLike(q)) {
            return one(Kind.CODE, office, dao -> dao.findByCode(q.toUpperCase(Locale.ROOT)));
        }
        if (S10Number.isValid(q)) {
            String s10 = S10Number.parse(q).value();
            return one(Kind.S10, office, dao -> dao.findByS10(s10));
        }
        if (DIGITS_ONLY.matcher(q).matches()) {
            return byNumber(q, office, before, pageSize);
        }
        String folded = fold(q);
        if (folded.replace(" ", "").length() < 2) {
            throw Problem.invalid("q", "Nhập ít nhất 2 chữ của họ tên.");
        }
        return page(Kind.NAME, SearchBy.NAME, folded, office, before, pageSize);
    }

    private Result byNumber(String q, String office, Long before, int pageSize) {
        String digits = q.replaceAll("[\\s.\\-]", "");
        if (digits.matches("\\d{12}")) {
            try {
                String id = CitizenId.parse(digits, Year.now(clock).getValue()).value();
                return page(Kind.CITIZEN_ID, SearchBy.CITIZEN_ID, id, office, before, pageSize);
            } catch (InvalidValueException e) {
                throw Problem.invalid(
                        "q",
                        "Số CCCD «" + digits + "» không hợp lệ: 12 chữ số gồm mã tỉnh (3 số), thế kỷ và giới tính, "
                                + "năm sinh, 6 số cuối.");
            }
        }
        try {
            String phone = PhoneNumber.parse(q).value();
            return page(Kind.PHONE, SearchBy.PHONE, phone, office, before, pageSize);
        } catch (InvalidValueException e) {
            throw Problem.invalid(
                    "q",
                    "Không nhận ra «" + q + "»: số CCCD có 12 chữ số, số điện thoại di động có 10 chữ số "
                            + "(VD: 0912345678).");
        }
    }

    private Result page(Kind kind, SearchBy by, String value, String office, Long before, int pageSize) {
        List<DossierRow> rows =
                jdbi.withExtension(DossierDAO.class, dao -> dao.search(by, value, office, before, pageSize + 1));
        Long next = rows.size() > pageSize ? rows.get(pageSize - 1).id() : null;
        return new Result(kind, lines(rows.stream().limit(pageSize).toList()), next);
    }

    private interface Lookup {
        Optional<DossierRow> find(DossierDAO dao);
    }

    /** A code or S10 number names one dossier at most; another office's is as good as none to a clerk. */
    private Result one(Kind kind, String office, Lookup lookup) {
        List<DossierRow> rows = jdbi.withExtension(DossierDAO.class, lookup::find).stream()
                .filter(r -> office == null || office.equals(r.officeCode()))
                .toList();
        return new Result(kind, lines(rows), null);
    }

    private List<DossierLine> lines(List<DossierRow> rows) {
        return CounterToday.lines(referenceData.get(), clock.getZone(), rows, null);
    }

    /** The office a user's search is limited to, null for every office. */
    private static String scope(User user) {
        return switch (user.role()) {
            // a supervisor bound to an office searches that office, as they read it
            case COUNTER, SUPERVISOR, ADMIN -> user.officeScope();
            default -> throw Problem.forbidden("searching dossiers is for counter clerks and supervisors");
        };
    }

    /**
     * A name as searched: lower case, no diacritics (đ to d), single spaces. The same as the
     * database's dossier_fold (migration 010), whose words fill applicant_name_words.
     */
    public static String fold(String name) {
        String bare = MARKS.matcher(Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD))
                .replaceAll("");
        return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
