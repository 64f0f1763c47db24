package vn.dossierpost.service;

import java.time.ZoneId;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.TrackingView;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.db.EventDAO;
import vn.dossierpost.domain.DossierCode;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.NameMasker;
import vn.dossierpost.domain.S10Number;

/**
 * Public tracking by S10 number or dossier code. Only status changes are shown, with the place
 * (office or agency) — never the ID number, phone, e-mail, address or a clerk's note.
 */
public final class TrackingService {
    private final Jdbi jdbi;
    private final ReferenceDataCache referenceData;
    private final ZoneId zone;

    public TrackingService(Jdbi jdbi, ReferenceDataCache referenceData, ZoneId zone) {
        this.jdbi = jdbi;
        this.referenceData = referenceData;
        this.zone = zone;
    }

    public TrackingView track(String reference) {
        String ref = reference == null ? "" : reference.trim();
        return jdbi.withHandle(h -> {
            DossierDAO dossiers = h.attach(DossierDAO.class);
            Optional<DossierRow> found = Optional.empty();
            if (S10Number.isValid(ref)) {
                found = dossiers.findByS10(ref.toUpperCase());
            } else if (DossierCode.looksLike(ref)) {
                found = dossiers.findByCode(ref);
            }
            DossierRow row = found.orElseThrow(() -> Problem.notFound("no dossier or item with reference " + ref));
            ReferenceData data = referenceData.get();
            DossierStatus status = DossierStatus.valueOf(row.status());
            var steps = h.attach(EventDAO.class).timeline(row.id()).stream()
                    .filter(e -> e.toStatus() != null)
                    .map(e -> {
                        DossierStatus s = DossierStatus.valueOf(e.toStatus());
                        String place = e.agencyCode() != null
                                ? data.agency(e.agencyCode()).map(a -> a.name()).orElse(null)
                                : e.officeCode() == null ? null : data.office(e.officeCode()).map(o -> o.name()).orElse(null);
                        return new TrackingView.Step(e.at().atZoneSameInstant(zone).toOffsetDateTime(), s.name(), s.labelVi(),
                                s.labelEn(), s.upuEventCode(), place);
                    })
                    .toList();
            return new TrackingView(row.code(), row.s10Number(), row.returnS10Number(), NameMasker.mask(row.applicantName()),
                    data.procedure(row.procedureCode()).map(p -> p.name()).orElse(null),
                    data.agency(row.agencyCode()).map(a -> a.name()).orElse(null),
                    status.name(), status.labelVi(), status.labelEn(), row.resultDue(), steps);
        });
    }
}
