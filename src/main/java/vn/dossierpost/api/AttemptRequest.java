package vn.dossierpost.api;

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
public record AttemptRequest(String clientAttemptId, String outcome, OffsetDateTime at, String recipientName, String relation,
                             String idDocumentType, String idNumber, String proxyAuthorisation, Proof proof, Double latitude,
                             Double longitude, String reason, String action, String note) {

    /** An image as base64, so the whole update is one JSON body a phone can resend as it is. */
    public record Proof(String mediaType, String base64) {}
}
