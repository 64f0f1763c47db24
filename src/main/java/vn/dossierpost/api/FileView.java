package vn.dossierpost.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/** One scanned file of a dossier: what the clerk called it, what it is, and where to fetch it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileView(
        long id,
        String componentCode,
        String originalName,
        long sizeBytes,
        String sha256,
        String contentType,
        Integer pageCount,
        String uploadedBy,
        OffsetDateTime uploadedAt,
        OffsetDateTime fixityFailedAt,
        String url) {}
