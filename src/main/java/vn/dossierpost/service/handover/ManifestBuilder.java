package vn.dossierpost.service.handover;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import vn.dossierpost.api.agency.DossierManifest;
import vn.dossierpost.db.DossierDAO.ComponentRow;
import vn.dossierpost.db.DossierFileDAO.FileRow;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.domain.Filer;
import vn.dossierpost.domain.IdType;
import vn.dossierpost.service.catalogue.ReferenceData;

/**
 * The manifest of one dossier in a handover: who applied for what, and every file with its size and
 * SHA-256 so the agency can check what it received. A file's {@code path} is ASCII only
 * ({@code <dossier code>/<document code>/<file id>.<ext>}): it travels as a multipart part name and a
 * ZIP entry name, where some agency systems mangle other characters; the clerk's name for the file,
 * Vietnamese and all, is in {@code name}.
 */
final class ManifestBuilder {
    private final ZoneId zone;

    ManifestBuilder(ZoneId zone) {
        this.zone = zone;
    }

    DossierManifest build(
            String handoverNo, DossierRow d, List<ComponentRow> components, List<FileRow> files, ReferenceData ref) {
        Map<String, List<FileRow>> byComponent = files.stream().collect(Collectors.groupingBy(FileRow::componentCode));
        List<DossierManifest.Component> parts = components.stream()
                .map(c -> new DossierManifest.Component(
                        c.code(),
                        c.name(),
                        c.form(),
                        byComponent.getOrDefault(c.code(), List.of()).stream()
                                .map(f -> file(d.code(), f))
                                .toList()))
                .toList();
        String commune = ref.commune(d.applicantCommune()).map(c -> c.name()).orElse(null);
        String address = commune == null ? d.applicantStreet() : d.applicantStreet() + ", " + commune;
        return new DossierManifest(
                handoverNo,
                d.code(),
                d.s10Number(),
                d.agencyCode(),
                new DossierManifest.Ref(
                        d.procedureCode(),
                        ref.procedure(d.procedureCode()).map(p -> p.name()).orElse(null)),
                d.serviceForm().name(),
                d.receivedAt().atZoneSameInstant(zone).toOffsetDateTime(),
                new DossierManifest.Ref(
                        d.officeCode(),
                        ref.office(d.officeCode()).map(o -> o.name()).orElse(null)),
                new DossierManifest.Applicant(
                        d.applicantName(),
                        d.applicantIdType() == IdType.CCCD ? d.applicantCitizenId() : null,
                        d.applicantPhone(),
                        d.applicantEmail(),
                        address,
                        d.applicantIdType().name(),
                        d.applicantCitizenId()),
                parts,
                filer(d.filer()));
    }

    private static DossierManifest.Filer filer(Filer f) {
        return f == null
                ? null
                : new DossierManifest.Filer(f.name(), f.idType().name(), f.idNumber(), f.relation(), f.authorisation());
    }

    private static DossierManifest.File file(String dossierCode, FileRow f) {
        String path = dossierCode + "/" + f.componentCode().replaceAll("[^A-Za-z0-9._-]", "_") + "/" + f.id()
                + extension(f.contentType());
        return new DossierManifest.File(path, f.originalName(), f.contentType(), f.sizeBytes(), f.sha256());
    }

    private static String extension(String contentType) {
        return switch (contentType.toLowerCase(Locale.ROOT)) {
            case "application/pdf" -> ".pdf";
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/tiff" -> ".tif";
            default -> "";
        };
    }
}
