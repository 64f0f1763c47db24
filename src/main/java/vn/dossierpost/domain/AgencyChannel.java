package vn.dossierpost.domain;

/**
 * How an agency is reached: its channel and the channel's settings, as stored in {@code agency}.
 * {@code revision} grows with each change, so a node can tell that the agency's route is stale.
 */
public record AgencyChannel(
        String code,
        String name,
        Channel channel,
        String baseUrl,
        String inboxDir,
        String outboxDir,
        String secret,
        int batchWindowMs,
        int batchSize,
        String sftpHost,
        Integer sftpPort,
        String sftpUsername,
        String sftpPassword,
        boolean active,
        int revision) {

    /** Whether the channel has what it needs to send; an unconfigured agency's dossiers wait in the outbox. */
    public boolean configured() {
        return channel != null
                && switch (channel) {
                    case HTTP -> present(baseUrl) && present(secret);
                    case FILE_DROP -> present(outboxDir) && present(secret);
                    case SFTP -> present(outboxDir) && present(sftpHost) && present(sftpUsername) && present(secret);
                };
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
