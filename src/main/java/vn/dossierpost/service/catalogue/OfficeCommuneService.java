package vn.dossierpost.service.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.CommuneView;
import vn.dossierpost.api.FieldProblem;
import vn.dossierpost.api.OfficeCommunes;
import vn.dossierpost.db.OfficeCommuneDAO;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.Problem;

/**
 * The communes each post office serves: intake sends a result delivered at home to the office serving
 * the address's commune ({@link ReferenceData#deliveringOffice}). Seeded by migration 020, edited by an
 * administrator; the catalogue snapshot is refreshed at once, so the next intake uses it.
 */
public final class OfficeCommuneService {
    private final Jdbi jdbi;
    private final ReferenceDataCache referenceData;

    public OfficeCommuneService(Jdbi jdbi, ReferenceDataCache referenceData) {
        this.jdbi = jdbi;
        this.referenceData = referenceData;
    }

    public OfficeCommunes.Served get(String officeCode) {
        String office = known(officeCode);
        return served(office, jdbi.withExtension(OfficeCommuneDAO.class, dao -> dao.communes(office)));
    }

    /** Replaces the office's communes in one transaction; 422 naming each unknown commune code. */
    public OfficeCommunes.Served replace(User admin, String officeCode, OfficeCommunes request) {
        if (admin.role() != Role.ADMIN) {
            throw Problem.forbidden("an administrator sets the communes an office serves");
        }
        String office = known(officeCode);
        ReferenceData ref = referenceData.get();
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < request.communes().size(); i++) {
            String c = request.communes().get(i) == null
                    ? ""
                    : request.communes().get(i).trim();
            if (ref.commune(c).isEmpty()) {
                problems.add(new FieldProblem("communes[" + i + "]", "unknown commune code '" + c + "' (5 digits)"));
            }
            codes.add(c);
        }
        if (!problems.isEmpty()) {
            throw Problem.invalid(problems);
        }
        String[] keep = codes.toArray(String[]::new);
        List<String> now = jdbi.inTransaction(h -> {
            OfficeCommuneDAO dao = h.attach(OfficeCommuneDAO.class);
            dao.release(office, keep);
            dao.serve(office, keep);
            return dao.communes(office);
        });
        referenceData.invalidate();
        return served(office, now);
    }

    private String known(String officeCode) {
        String office = officeCode == null ? "" : officeCode.trim();
        if (referenceData.get().office(office).isEmpty()) {
            throw Problem.notFound("no post office " + office + " (GET /api/offices)");
        }
        return office;
    }

    private OfficeCommunes.Served served(String office, List<String> communes) {
        ReferenceData ref = referenceData.get();
        List<CommuneView> views = communes.stream()
                .map(c -> ref.communeView(c).orElse(new CommuneView(c, c, null, null)))
                .toList();
        return new OfficeCommunes.Served(office, ref.officeName(office), views);
    }
}
