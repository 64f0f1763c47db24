package vn.dossierpost.api;

import java.time.OffsetDateTime;

/**
 * An update recorded for a return item, as its office's staff see it: of the identity document
 * only the type and the last 4 characters; the proof image by its link.
 */
public record AttemptView(
        long id,
        String clientAttemptId,
        String outcome,
        OffsetDateTime at,
        OffsetDateTime recordedAt,
        String actor,
        boolean atCounter,
        String recipientName,
        String relation,
        String idDocumentType,
        String idLast4,
        String proxyAuthorisation,
        String proof,
        Double latitude,
        Double longitude,
        String reason,
        String action,
        long amountCollected) {}
