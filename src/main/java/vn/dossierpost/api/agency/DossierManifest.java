package vn.dossierpost.api.agency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the post tells the agency about one dossier it hands over (the {@code manifest} part of an
 * HTTP handover, an entry of a drop package's manifest.json). {@code path} names the file's
 * multipart part and its place in the ZIP. Fields added later are optional, so an agency reading
 * the first version still reads this one: the applicant's {@code idType} and {@code idNumber}
 * ({@code citizenId} stays, filled for a CCCD) and the {@code filer}, absent when the applicant filed
 * in person.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DossierManifest(
        String handoverNo,
        String dossierCode,
        String s10Number,
        String agencyCode,
        Ref procedure,
        String serviceForm,
        OffsetDateTime receivedAt,
        Ref postOffice,
        Applicant applicant,
        List<Component> components,
        @JsonInclude(JsonInclude.Include.NON_NULL) Filer filer) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ref(String code, String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Applicant(
            String name,
            String citizenId,
            String phone,
            String email,
            String address,
            String idType,
            String idNumber) {}

    /** Who filed on the applicant's behalf (người nộp thay) and the reference of the authorisation. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Filer(String name, String idType, String idNumber, String relation, String authorisation) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Component(String code, String name, String form, List<File> files) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record File(String path, String name, String contentType, long size, String sha256) {}

    public List<File> files() {
        return components.stream().flatMap(c -> c.files().stream()).toList();
    }
}
