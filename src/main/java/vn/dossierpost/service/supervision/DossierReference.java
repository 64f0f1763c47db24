package vn.dossierpost.service.supervision;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.domain.DossierCode;
import vn.dossierpost.domain.S10Number;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.dossier.DossierService;

/** The dossier a complaint or an incident is about, named by its code or either of its S10 numbers. */
final class DossierReference {
    private DossierReference() {}

    static DossierRow find(Handle h, User user, String field, String reference) {
        String ref = reference == null ? "" : reference.trim();
        if (ref.isEmpty()) {
            throw Problem.invalid(field, "is required: the dossier code or its S10 number");
        }
        DossierDAO dao = h.attach(DossierDAO.class);
        Optional<DossierRow> found = S10Number.isValid(ref)
                ? dao.findByS10(ref.toUpperCase())
                : DossierCode.looksLike(ref) ? dao.findByCode(ref) : Optional.empty();
        DossierRow row = found.orElseThrow(
                () -> Problem.invalid(field, "is not a dossier code or S10 number of a dossier: " + ref));
        DossierService.checkCanRead(user, row);
        return row;
    }
}
