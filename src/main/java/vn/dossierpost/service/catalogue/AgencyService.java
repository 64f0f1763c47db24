package vn.dossierpost.service.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.AgencyChangeView;
import vn.dossierpost.api.AgencyRequest;
import vn.dossierpost.api.AgencyView;
import vn.dossierpost.api.FieldProblem;
import vn.dossierpost.api.PickupOffice;
import vn.dossierpost.db.AgencyChangeDAO;
import vn.dossierpost.db.AgencyDAO;
import vn.dossierpost.db.AgencyDAO.AgencySettings;
import vn.dossierpost.db.PickupDAO;
import vn.dossierpost.domain.AgencyChannel;
import vn.dossierpost.domain.AgencyIdentifier;
import vn.dossierpost.domain.Channel;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.JsonText;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.Shapes;

/**
 * Agencies and their channels, as administrators set them. Every problem is reported at once with
 * its field ({@link AgencyChecks}); every change is recorded with who made it, in the transaction
 * that makes it (agency_change); once a change is committed, {@code onChange} rebuilds the routes so
 * it takes effect without a restart.
 */
public final class AgencyService {
    /** Changes listed at most at once. */
    public static final int MAX_CHANGES = 500;

    private final Jdbi jdbi;
    private final ReferenceDataCache referenceData;
    private final AgencyChecks checks;
    private final ObjectMapper json;
    private final Runnable onChange;
    private final Function<String, String> routeStatus;
    private final Supplier<Map<String, String>> sendErrors;

    /**
     * @param onChange    called after a change is committed (rebuilds the agency routes)
     * @param routeStatus the status of an agency's route, by agency code, for the view
     * @param sendErrors  why the last attempt to send failed, by agency code (agencies whose sending works: absent)
     */
    public AgencyService(
            Jdbi jdbi,
            ReferenceDataCache referenceData,
            AgencyChecks checks,
            ObjectMapper json,
            Runnable onChange,
            Function<String, String> routeStatus,
            Supplier<Map<String, String>> sendErrors) {
        this.jdbi = jdbi;
        this.referenceData = referenceData;
        this.checks = checks;
        this.json = json;
        this.onChange = onChange;
        this.routeStatus = routeStatus;
        this.sendErrors = sendErrors;
    }

    public List<AgencyView> list() {
        Map<String, String> errors = sendErrors.get();
        return jdbi.withExtension(AgencyDAO.class, AgencyDAO::channels).stream()
                .map(c -> view(c, errors))
                .toList();
    }

    public AgencyView get(String code) {
        return view(
                jdbi.withExtension(AgencyDAO.class, dao -> dao.channel(code))
                        .orElseThrow(() -> Problem.notFound("no agency with code " + code)),
                sendErrors.get());
    }

    public AgencyView create(User by, AgencyRequest r) {
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
            record(h, by, r.code(), null, AgencySnapshots.of(s, null));
        });
        changed();
        return get(r.code());
    }

    public AgencyView update(User by, String code, AgencyRequest r) {
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
            AgencySettings before = new AgencySettings(
                    code,
                    c.name(),
                    current.provinceCode(),
                    current.communeCode(),
                    current.address(),
                    current.phone(),
                    current.email(),
                    c.channel(),
                    c.baseUrl(),
                    c.inboxDir(),
                    c.outboxDir(),
                    c.secret(),
                    c.batchWindowMs(),
                    c.batchSize(),
                    c.sftpHost(),
                    c.sftpPort(),
                    c.sftpUsername(),
                    c.sftpPassword(),
                    c.active());
            record(h, by, code, AgencySnapshots.of(before, null), AgencySnapshots.of(s, before));
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
    public PickupOffice setPickupOffice(User by, String code, String officeCode) {
        if (officeCode != null && referenceData.get().office(officeCode).isEmpty()) {
            throw Problem.invalid("officeCode", "unknown post office '" + officeCode + "' (see GET /api/offices)");
        }
        jdbi.useTransaction(h -> {
            PickupDAO dao = h.attach(PickupDAO.class);
            var before = dao.servingOffice(code).orElseThrow(() -> Problem.notFound("no agency with code " + code));
            dao.choose(code, officeCode);
            Map<String, Object> was = new HashMap<>();
            was.put("pickupOfficeCode", before.chosen() ? before.officeCode() : null);
            Map<String, Object> is = new HashMap<>();
            is.put("pickupOfficeCode", officeCode);
            record(h, by, code, was, is);
        });
        return pickupOffice(code);
    }

    /** The agency's changes, latest first: who made each, when, the agency before and after. */
    public List<AgencyChangeView> changes(String code, int limit) {
        if (limit < 1 || limit > MAX_CHANGES) {
            throw Problem.invalid("limit", "must be between 1 and " + MAX_CHANGES);
        }
        if (!jdbi.withExtension(AgencyDAO.class, dao -> dao.exists(code))) {
            throw Problem.notFound("no agency with code " + code);
        }
        return jdbi.withExtension(AgencyChangeDAO.class, dao -> dao.changes(code, limit)).stream()
                .map(c -> new AgencyChangeView(
                        c.agencyCode(),
                        c.changedBy(),
                        c.changedAt(),
                        c.before() == null ? null : JsonText.read(json, c.before(), JsonNode.class),
                        JsonText.read(json, c.after(), JsonNode.class)))
                .toList();
    }

    private void record(Handle h, User by, String code, Map<String, Object> before, Map<String, Object> after) {
        h.attach(AgencyChangeDAO.class)
                .record(
                        code,
                        by.username(),
                        before == null ? null : JsonText.of(json, before),
                        JsonText.of(json, after));
    }

    private void check(AgencySettings s, List<FieldProblem> problems) {
        checks.check(s, jdbi.withExtension(AgencyDAO.class, AgencyDAO::channels), referenceData.get(), problems);
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

    private AgencyView view(AgencyChannel c, Map<String, String> errors) {
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
                routeStatus.apply(c.code()),
                errors.get(c.code()));
    }
}
