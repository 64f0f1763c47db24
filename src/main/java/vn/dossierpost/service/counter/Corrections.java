package vn.dossierpost.service.counter;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.CorrectionRequest;
import vn.dossierpost.api.DossierView;
import vn.dossierpost.api.FieldProblem;
import vn.dossierpost.api.IntakeRequest;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.domain.DeliveryMethod;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.InvalidValueException;
import vn.dossierpost.domain.PhoneNumber;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.TimelineEvent;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.JsonText;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.Shapes;
import vn.dossierpost.service.Text;
import vn.dossierpost.service.catalogue.ReferenceData;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.dossier.DossierService;

/**
 * A typo in the applicant's name, phone, e-mail or address, or in the delivery address, corrected at
 * the counter while the post still holds the dossier. The old and new values go on the timeline for
 * staff (public tracking shows no {@link TimelineEvent#CORRECTED} entry). What sets the price is not
 * corrected: the route class is the office's and the agency's (RouteClass.between), so neither address
 * changes the postage, but the service form, the delivery method or the documents do.
 */
public final class Corrections {
    /** Before the handover leaves the post: afterwards the agency holds the dossier. */
    public static final Set<DossierStatus> CORRECTABLE = Set.of(DossierStatus.RECEIVED, DossierStatus.DIGITISED);

    private static final String REFILE = "withdraw the dossier and take it in again";

    /** One corrected value, as the timeline keeps it. */
    public record Change(String field, String oldValue, String newValue) {}

    private final Jdbi jdbi;
    private final DossierService dossiers;
    private final ReferenceDataCache referenceData;
    private final ObjectMapper json;

    public Corrections(Jdbi jdbi, DossierService dossiers, ReferenceDataCache referenceData, ObjectMapper json) {
        this.jdbi = jdbi;
        this.dossiers = dossiers;
        this.referenceData = referenceData;
        this.json = json;
    }

    /** Checks and applies the correction with its timeline entry in one transaction; 403, 404, 409 or 422 otherwise. */
    public DossierView correct(User user, String code, CorrectionRequest request) {
        if (request == null) {
            throw Problem.invalid("body", "is required: reason and the fields to correct");
        }
        jdbi.useTransaction(h -> {
            DossierRow row = h.attach(DossierDAO.class)
                    .lockByCode(code)
                    .orElseThrow(() -> Problem.notFound("no dossier with code " + code));
            if (user.role() != Role.COUNTER && user.role() != Role.SUPERVISOR) {
                throw Problem.forbidden("only the dossier's post office corrects its details");
            }
            DossierService.checkCanRead(user, row);
            if (!CORRECTABLE.contains(row.status())) {
                throw Problem.conflict(
                        "dossier " + code + " is " + row.status() + ": it was handed over to the agency, which now "
                                + "holds it; the details are corrected only before handover (RECEIVED, DIGITISED). "
                                + "Send the correction to the agency as a supplement when it asks for one: "
                                + "POST /api/dossiers/" + code + "/supplements",
                        Map.of("currentStatus", row.status(), "supplement", "/api/dossiers/" + code + "/supplements"));
            }
            apply(h, user, row, request);
        });
        return dossiers.view(user, code);
    }

    private void apply(Handle h, User user, DossierRow row, CorrectionRequest r) {
        List<FieldProblem> problems = new ArrayList<>(Shapes.problems(r));
        r.feeFields()
                .forEach(f -> problems.add(new FieldProblem(f, "changes the fees, so it is not corrected: " + REFILE)));
        CorrectionRequest.Applicant a =
                r.applicant() == null ? new CorrectionRequest.Applicant(null, null, null, null, null) : r.applicant();
        if (a.citizenId() != null && !a.citizenId().isNull()) {
            problems.add(new FieldProblem(
                    "applicant.citizenId", "is the applicant's identity, not a contact detail: " + REFILE));
        }
        Checker c = new Checker(problems, referenceData.get());
        String name = c.line("applicant.fullName", a.fullName(), row.applicantName());
        String phone = c.phone(a.phone(), row.applicantPhone());
        String email = a.email() == null
                ? row.applicantEmail()
                : Text.blank(a.email()) ? null : a.email().trim();
        IntakeRequest.Address address = c.address(
                "applicant.address",
                a.address(),
                new IntakeRequest.Address(row.applicantStreet(), row.applicantCommune()));
        IntakeRequest.Address given = r.delivery() == null ? null : r.delivery().address();
        if (given != null && row.deliveryMethod() != DeliveryMethod.HOME) {
            problems.add(new FieldProblem(
                    "delivery.address",
                    "the result is picked up at the office (" + row.deliveryMethod() + "), so there is no delivery "
                            + "address; delivery at home changes the fees: " + REFILE));
            given = null;
        }
        IntakeRequest.Address delivery = c.address(
                "delivery.address", given, new IntakeRequest.Address(row.deliveryStreet(), row.deliveryCommune()));
        if (!problems.isEmpty()) {
            throw Problem.invalid(Shapes.inOrder(CorrectionRequest.class, problems));
        }
        List<Change> changes = new ArrayList<>();
        changed(changes, "applicant.fullName", row.applicantName(), name);
        changed(changes, "applicant.phone", row.applicantPhone(), phone);
        changed(changes, "applicant.email", row.applicantEmail(), email);
        changed(changes, "applicant.address.street", row.applicantStreet(), address.street());
        changed(changes, "applicant.address.communeCode", row.applicantCommune(), address.communeCode());
        changed(changes, "delivery.address.street", row.deliveryStreet(), delivery.street());
        changed(changes, "delivery.address.communeCode", row.deliveryCommune(), delivery.communeCode());
        if (changes.isEmpty()) {
            throw Problem.invalid("body", "nothing to correct: every value given is the one on file");
        }
        // the result goes to the office serving the corrected delivery address
        String deliveringOffice =
                c.ref().deliveringOffice(row.deliveryMethod(), delivery.communeCode(), row.officeCode());
        if (!deliveringOffice.equals(row.deliveringOffice())) {
            changed(changes, "deliveryOffice", row.deliveringOffice(), deliveringOffice);
            h.attach(DossierDAO.class).deliveryOffice(row.id(), deliveringOffice);
        }
        dossiers.changes()
                .corrected(
                        h,
                        row.id(),
                        new DossierDAO.Contacts(
                                name,
                                phone,
                                email,
                                address.street(),
                                address.communeCode(),
                                delivery.street(),
                                delivery.communeCode()));
        dossiers.changes()
                .record(
                        h,
                        user.actor(),
                        row.id(),
                        TimelineEvent.CORRECTED,
                        r.reason().strip(),
                        JsonText.of(json, Map.of("changes", changes)));
    }

    private static void changed(List<Change> changes, String field, String oldValue, String newValue) {
        if (!Objects.equals(oldValue, newValue)) {
            changes.add(new Change(field, oldValue, newValue));
        }
    }

    /** The checks intake makes of the same fields, collecting every problem; a field not given keeps its value. */
    private record Checker(List<FieldProblem> problems, ReferenceData ref) {
        String line(String field, String given, String current) {
            if (given == null || misshapen(field)) {
                return current;
            }
            if (Text.blank(given)) {
                problems.add(new FieldProblem(field, "cannot be emptied: leave it out to keep it"));
                return current;
            }
            return Normalizer.normalize(given.trim(), Normalizer.Form.NFC);
        }

        String phone(String given, String current) {
            String line = line("applicant.phone", given, current);
            if (given == null || Objects.equals(line, current)) {
                return current;
            }
            try {
                return PhoneNumber.parse(line).value();
            } catch (InvalidValueException e) {
                problems.add(new FieldProblem("applicant.phone", e.getMessage()));
                return current;
            }
        }

        /** A whole address (its shape checked by the request's annotations) with a commune the catalogue knows. */
        IntakeRequest.Address address(String path, IntakeRequest.Address given, IntakeRequest.Address current) {
            if (given == null || misshapen(path + ".street") || misshapen(path + ".communeCode")) {
                return current;
            }
            String commune = given.communeCode().trim();
            if (ref.commune(commune).isEmpty()) {
                problems.add(new FieldProblem(path + ".communeCode", "unknown commune code '" + commune + "'"));
                return current;
            }
            return new IntakeRequest.Address(Normalizer.normalize(given.street().trim(), Normalizer.Form.NFC), commune);
        }

        private boolean misshapen(String field) {
            return problems.stream().anyMatch(p -> p.field().equals(field));
        }
    }
}
