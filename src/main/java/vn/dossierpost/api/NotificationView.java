package vn.dossierpost.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * One message to the applicant as staff see it: what was said, to whom, and whether it went out.
 * state: PENDING (waiting or being retried: nextAttemptAt, lastError), SENT, FAILED (given up: lastError).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationView(
        long id,
        String kind,
        String channel,
        String recipient,
        String subject,
        String body,
        String state,
        OffsetDateTime createdAt,
        OffsetDateTime sentAt,
        OffsetDateTime failedAt,
        OffsetDateTime nextAttemptAt,
        int attempts,
        String lastError) {}
