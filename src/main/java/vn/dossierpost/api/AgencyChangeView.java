package vn.dossierpost.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * One change to an agency: who made it, when, and the agency before (null when it was created) and
 * after, with secrets and passwords shown only as set or not, and changed or not.
 */
public record AgencyChangeView(
        String agencyCode, String changedBy, OffsetDateTime changedAt, JsonNode before, JsonNode after) {}
