package vn.dossierpost.api;

/**
 * An agency as an administrator creates or changes it. On a change, a field left out keeps its
 * current value (a secret need not be sent again to move the batch window).
 */
public record AgencyRequest(
        String code,
        String name,
        String provinceCode,
        String communeCode,
        String address,
        String phone,
        String email,
        String channel,
        String baseUrl,
        String inboxDir,
        String outboxDir,
        String secret,
        Integer batchWindowMs,
        Integer batchSize,
        String sftpHost,
        Integer sftpPort,
        String sftpUsername,
        String sftpPassword,
        Boolean active) {}
