package vn.dossierpost.service.catalogue;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.AgencyRequest;
import vn.dossierpost.api.AgencyView;
import vn.dossierpost.api.FieldProblem;
import vn.dossierpost.api.PickupOffice;
import vn.dossierpost.db.AgencyDAO;
import vn.dossierpost.db.AgencyDAO.AgencySettings;
import vn.dossierpost.db.PickupDAO;
import vn.dossierpost.domain.AgencyChannel;
import vn.dossierpost.domain.AgencyIdentifier;
import vn.dossierpost.domain.Channel;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.Shapes;

/**
 * Agencies and their channels, as administrators set them. Every problem is reported at once with
 * its field; once a change is committed, {@code onChange} rebuilds the routes so it takes effect
 * without a restart.
 */
public final class AgencyService {
    private static final String UNSAFE_IN_FOLDERS = "'?', '#', '%', '{{', '}}' or '${'";

    private final Jdbi jdbi;
    private final ReferenceDataCache referenceData;
    private final Runnable onChange;
    private final Function<String, String> routeStatus;

    /**
     * @param onChange    called after a change is committed (rebuilds the agency routes)
     * @param routeStatus the status of an agency's route, by agency code, for the view
     */
    public AgencyService(
            Jdbi jdbi, ReferenceDataCache referenceData, Runnable onChange, Function<String, String> routeStatus) {
        this.jdbi = jdbi;
        this.referenceData = referenceData;
        this.onChange = onChange;
        this.routeStatus = routeStatus;
    }

    public List<AgencyView> list() {
        return jdbi.withExtension(AgencyDAO.class, AgencyDAO::channels).stream()
                .map(this::view)
                .toList();
    }

    public AgencyView get(String code) {
        return view(jdbi.withExtension(AgencyDAO.class, dao -> dao.channel(code))
                .orElseThrow(() -> Problem.notFound("no agency with code " + code)));
    }

    public AgencyView create(AgencyRequest r) {
        if (r == null) {
            throw Problem.invalid("body", "an agency (JSON object) is required");
        }
        List<FieldProblem> problems = new ArrayList<>(Shapes.problems(r));
        if (r.code() == null || !AgencyIdentifier.isValid(r.code())) {
            problems.add(new FieldProblem("code", "must be an agency identifier such as 000.00.15.H26"));
        }
        AgencySettings s = new AgencySettings(
                r.code(),
                r.name(),
                r.provinceCode(),
                r.communeCode(),
                r.address(),
                r.phone(),
                r.email(),
                r.channel() == null ? Channel.HTTP : channel(r.channel()),
                r.baseUrl(),
                r.inboxDir(),
                r.outboxDir(),
                r.secret(),
                r.batchWindowMs() == null ? 500 : r.batchWindowMs(),
                r.batchSize() == null ? 100 : r.batchSize(),
                r.sftpHost(),
                r.sftpPort(),
                r.sftpUsername(),
                r.sftpPassword(),
                r.active() == null || r.active());
        check(s, problems);
        jdbi.useTransaction(h -> {
            AgencyDAO dao = h.attach(AgencyDAO.class);
            if (dao.exists(r.code())) {
                throw Problem.conflict(
                        "agency " + r.code() + " exists already; change it with PUT /api/agencies/" + r.code(),
                        Map.of("code", r.code()));
            }
            dao.insert(s);
        });
        changed();
        return get(r.code());
    }

    public AgencyView update(String code, AgencyRequest r) {
        if (r == null) {
            throw Problem.invalid("body", "the fields to change (JSON object) are required");
        }
        if (r.code() != null && !r.code().equals(code)) {
            throw Problem.invalid("code", "cannot be changed (the path names agency " + code + ")");
        }
        List<FieldProblem> shape = Shapes.problems(r);
        jdbi.useTransaction(h -> {
            AgencyDAO dao = h.attach(AgencyDAO.class);
            AgencyChannel c = dao.channel(code).orElseThrow(() -> Problem.notFound("no agency with code " + code));
            var current = referenceData.get().agency(code).orElseThrow();
            AgencySettings s = new AgencySettings(
                    code,
                    or(r.name(), c.name()),
                    or(r.provinceCode(), current.provinceCode()),
                    or(r.communeCode(), current.communeCode()),
                    or(r.address(), current.address()),
                    or(r.phone(), current.phone()),
                    or(r.email(), current.email()),
                    r.channel() == null ? c.channel() : channel(r.channel()),
                    or(r.baseUrl(), c.baseUrl()),
                    or(r.inboxDir(), c.inboxDir()),
                    or(r.outboxDir(), c.outboxDir()),
                    or(r.secret(), c.secret()),
                    or(r.batchWindowMs(), c.batchWindowMs()),
                    or(r.batchSize(), c.batchSize()),
                    or(r.sftpHost(), c.sftpHost()),
                    or(r.sftpPort(), c.sftpPort()),
                    or(r.sftpUsername(), c.sftpUsername()),
                    or(r.sftpPassword(), c.sftpPassword()),
                    or(r.active(), c.active()));
            check(s, new ArrayList<>(shape));
            dao.update(s);
        });
        changed();
        return get(code);
    }

    public PickupOffice pickupOffice(String code) {
        return jdbi.withExtension(PickupDAO.class, dao -> dao.servingOffice(code))
                .map(o -> new PickupOffice(code, o.officeCode(), o.chosen()))
                .orElseThrow(() -> Problem.notFound("no agency with code " + code));
    }

    /** Chooses the office collecting the agency's results; null goes back to the rule. */
    public PickupOffice setPickupOffice(String code, String officeCode) {
        if (officeCode != null && referenceData.get().office(officeCode).isEmpty()) {
            throw Problem.invalid("officeCode", "unknown post office '" + officeCode + "' (see GET /api/offices)");
        }
        if (jdbi.withExtension(PickupDAO.class, dao -> dao.choose(code, officeCode)) == 0) {
            throw Problem.notFound("no agency with code " + code);
        }
        return pickupOffice(code);
    }

    private void changed() {
        referenceData.invalidate();
        onChange.run();
    }

    /** The channel a request names; null (a shape problem of the request) when it names none. */
    private static Channel channel(String name) {
        try {
            return Channel.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static <T> T or(T value, T current) {
        return value != null ? value : current;
    }

    private void check(AgencySettings s, List<FieldProblem> problems) {
        ReferenceData ref = referenceData.get();
        required(s.name(), "name", "the agency's name", problems);
        required(s.address(), "address", "the agency's address", problems);
        if (s.provinceCode() == null || ref.province(s.provinceCode()).isEmpty()) {
            problems.add(new FieldProblem("provinceCode", "must be one of the 34 province codes, e.g. 01 for Hà Nội"));
        }
        var commune =
                s.communeCode() == null ? null : ref.commune(s.communeCode()).orElse(null);
        if (commune == null) {
            problems.add(new FieldProblem("communeCode", "must be a commune code (5 digits) from the catalogue"));
        } else if (!commune.provinceCode().equals(s.provinceCode())) {
            problems.add(new FieldProblem(
                    "communeCode", "commune " + s.communeCode() + " is not in province " + s.provinceCode()));
        }
        if (s.channel() == Channel.HTTP && s.baseUrl() != null && !httpUrl(s.baseUrl())) {
            problems.add(new FieldProblem(
                    "baseUrl", "must be an absolute http or https URL, e.g. https://motcua.example.gov.vn/api"));
        }
        // any agency may have an inbox folder (event files); a file-drop agency also gets its acknowledgements there
        folder(s.inboxDir(), "inboxDir", problems);
        notShared(s, problems);
        if (s.channel() == Channel.FILE_DROP) {
            folder(s.outboxDir(), "outboxDir", problems);
            if (s.outboxDir() != null && Objects.equals(s.outboxDir(), s.inboxDir())) {
                problems.add(
                        new FieldProblem("inboxDir", "must differ from outboxDir (packages out, acknowledgements in)"));
            }
        }
        if (s.channel() == Channel.SFTP) {
            if (s.outboxDir() != null && !endpointSafe(s.outboxDir())) {
                problems.add(new FieldProblem(
                        "outboxDir",
                        "cannot contain " + UNSAFE_IN_FOLDERS + " (they would be read as endpoint syntax)"));
            }
            if (s.sftpPassword() != null
                    && (s.sftpPassword().contains("{{")
                            || (s.sftpPassword().contains(")&")
                                    && s.sftpPassword().contains("}&")))) {
                problems.add(new FieldProblem(
                        "sftpPassword",
                        "cannot contain '{{', nor both ')&' and '}&' (they would be read as "
                                + "endpoint syntax); ask the agency for another password"));
            }
            if (s.sftpPort() != null && (s.sftpPort() < 1 || s.sftpPort() > 65535)) {
                problems.add(new FieldProblem("sftpPort", "must be a TCP port (1 to 65535)"));
            }
            if (s.sftpHost() != null && !s.sftpHost().matches("[A-Za-z0-9.:\\-\\[\\]]+")) {
                problems.add(new FieldProblem("sftpHost", "must be a host name or IP address"));
            }
            if (s.sftpUsername() != null && !s.sftpUsername().matches("[A-Za-z0-9._\\-]+")) {
                problems.add(new FieldProblem("sftpUsername", "may hold letters, digits, '.', '_' and '-' only"));
            }
        }
        if (!problems.isEmpty()) {
            throw Problem.invalid(Shapes.inOrder(AgencyRequest.class, problems));
        }
    }

    private static void required(String value, String field, String what, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required: " + what));
        }
    }

    private static boolean httpUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void folder(String value, String field, List<FieldProblem> problems) {
        if (value == null) {
            return;
        }
        try {
            if (!Path.of(value).isAbsolute()) {
                problems.add(new FieldProblem(field, "must be an absolute folder path"));
            } else if (!endpointSafe(value)) {
                problems.add(new FieldProblem(
                        field, "cannot contain " + UNSAFE_IN_FOLDERS + " (they would be read as endpoint syntax)"));
            }
        } catch (InvalidPathException e) {
            problems.add(new FieldProblem(field, "is not a valid folder path: " + e.getReason()));
        }
    }

    /**
     * A folder is the path of a Camel endpoint URI: '?' starts its options, '#' and '%' are URI syntax,
     * and {{..}} and ${..} are placeholders and expressions. Such a folder would save but never get a route.
     */
    private static boolean endpointSafe(String folder) {
        return !(folder.contains("?")
                || folder.contains("#")
                || folder.contains("%")
                || folder.contains("{{")
                || folder.contains("}}")
                || folder.contains("${"));
    }

    /**
     * A local folder serves one agency: two consumers cannot share an inbox (the second route would
     * never start), and an agency must not see another's packages in its outbox.
     */
    private void notShared(AgencySettings s, List<FieldProblem> problems) {
        Map<Path, String> used = new HashMap<>();
        for (AgencyChannel other : jdbi.withExtension(AgencyDAO.class, AgencyDAO::channels)) {
            if (other.code().equals(s.code())) {
                continue;
            }
            if (other.channel() == Channel.FILE_DROP) {
                usedBy(other.outboxDir(), other.code() + " (its outboxDir)", used);
            }
            usedBy(other.inboxDir(), other.code() + " (its inboxDir)", used);
        }
        if (s.channel() == Channel.FILE_DROP) {
            shared(s.outboxDir(), "outboxDir", used, problems);
        }
        shared(s.inboxDir(), "inboxDir", used, problems);
    }

    private static void usedBy(String folder, String by, Map<Path, String> used) {
        Path p = normalized(folder);
        if (p != null) {
            used.putIfAbsent(p, by);
        }
    }

    private static void shared(String folder, String field, Map<Path, String> used, List<FieldProblem> problems) {
        Path p = normalized(folder);
        if (p != null && used.containsKey(p)) {
            problems.add(new FieldProblem(
                    field,
                    "folder " + folder + " is already used by agency " + used.get(p)
                            + "; each folder serves one agency"));
        }
    }

    private static Path normalized(String folder) {
        if (folder == null || folder.isBlank()) {
            return null;
        }
        try {
            return Path.of(folder).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private AgencyView view(AgencyChannel c) {
        var row = referenceData.get().agency(c.code());
        return new AgencyView(
                c.code(),
                c.name(),
                row.map(a -> a.provinceCode()).orElse(null),
                row.map(a -> a.communeCode()).orElse(null),
                row.map(a -> a.address()).orElse(null),
                row.map(a -> a.phone()).orElse(null),
                row.map(a -> a.email()).orElse(null),
                c.channel(),
                c.baseUrl(),
                c.inboxDir(),
                c.outboxDir(),
                c.secret() != null,
                c.batchWindowMs(),
                c.batchSize(),
                c.sftpHost(),
                c.sftpPort(),
                c.sftpUsername(),
                c.sftpPassword() != null,
                c.active(),
                c.configured(),
                c.revision(),
                routeStatus.apply(c.code()));
    }
}
