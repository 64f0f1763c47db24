package vn.dossierpost.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import vn.dossierpost.domain.Channel;

/**
 * An agency as an administrator creates or changes it. On a change, a field left out keeps its
 * current value (a secret need not be sent again to move the batch window). The annotations hold
 * for a value that is given; the agency service checks them with the rules on the agency as it
 * will be (required fields, the catalogue, folders), so every problem comes in one answer.
 */
public record AgencyRequest(
        @Line(max = 50) String code,
        @Line(max = 300) String name,
        @Line(max = 10) String provinceCode,
        @Line(max = 10) String communeCode,
        @Line(max = 500) String address,
        @Line(max = 30) String phone,
        @EmailAddress(max = 254) String email,
        @OneOf(Channel.class) String channel,
        @Line(max = 2000) String baseUrl,
        @Line(max = 1000) String inboxDir,
        @Line(max = 1000) String outboxDir,

        @Size(min = 16, message = "must be at least {min} characters (it keys the HMAC signature)") @Line(max = 500)
        String secret,

        @Min(value = 50, message = BATCH_WINDOW) @Max(value = 3_600_000, message = BATCH_WINDOW)
        Integer batchWindowMs,

        @Min(value = 1, message = BATCH_SIZE) @Max(value = 1000, message = BATCH_SIZE)
        Integer batchSize,

        @Line(max = 255) String sftpHost,
        Integer sftpPort,
        @Line(max = 100) String sftpUsername,
        @Line(max = 500) String sftpPassword,
        Boolean active) {

    private static final String BATCH_WINDOW = "must be between 50 and 3600000 (milliseconds)";
    private static final String BATCH_SIZE = "must be between 1 and 1000 dossiers";
}
