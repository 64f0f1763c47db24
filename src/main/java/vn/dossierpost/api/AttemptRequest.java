package vn.dossierpost.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;

/**
 * {@code POST /api/deliveries/{s10}/attempts}, from a courier's phone (or the counter for an item
 * held there). {@code clientAttemptId} is the device's own id for this update: sending it again is
 * harmless and gets the first answer.
 *
 * @param outcome  OUT_FOR_DELIVERY, DELIVERED or FAILED
 * @param at       when it happened on the device (defaults to when it arrives)
 * @param relation DELIVERED: SELF or PROXY
 * @param idDocumentType DELIVERED: CCCD, PASSPORT or CMND
 * @param idNumber DELIVERED: the number on the document shown; checked, and only its last 4 characters kept
 * @param proof    DELIVERED by a courier: the recipient's signature or a photo
 * @param reason   FAILED: NOT_AT_HOME, WRONG_ADDRESS, REFUSED, MOVED or OTHER (then {@code note})
 * @param action   FAILED: RETRY, HOLD_AT_OFFICE or RETURN
 */
public record AttemptRequest(
        @NotBlank(message = CLIENT_ATTEMPT_ID) @Line(max = 100, tooLong = CLIENT_ATTEMPT_ID)
        String clientAttemptId,

        @NotNull(message = OUTCOME)
        @OneOf(
                words = {"OUT_FOR_DELIVERY", "DELIVERED", "FAILED"},
                message = OUTCOME)
        String outcome,

        OffsetDateTime at,
        @Line(max = 300) String recipientName,
        @Line(max = 40) String relation,
        @Line(max = 40) String idDocumentType,
        @Line(max = 40) String idNumber,
        @Line(max = 200) String proxyAuthorisation,
        @Valid Proof proof,

        @DecimalMin(value = "-90", message = LATITUDE) @DecimalMax(value = "90", message = LATITUDE)
        Double latitude,

        @DecimalMin(value = "-180", message = LONGITUDE) @DecimalMax(value = "180", message = LONGITUDE)
        Double longitude,

        @Line(max = 40) String reason,
        @Line(max = 40) String action,
        @Line(max = 1000, multiline = true) String note) {

    private static final String CLIENT_ATTEMPT_ID =
            "is required: the device's own id of this update, at most 100 characters "
                    + "(the same id when it is sent again)";
    private static final String OUTCOME = "must be OUT_FOR_DELIVERY, DELIVERED or FAILED";
    private static final String LATITUDE = "must be between -90 and 90";
    private static final String LONGITUDE = "must be between -180 and 180";

    /** An image as base64, so the whole update is one JSON body a phone can resend as it is. */
    public record Proof(@Line(max = 100) String mediaType, String base64) {}
}
