package vn.dossierpost.service.catalogue;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.dossierpost.db.AgencyDAO.AgencySettings;

/**
 * An agency's settings as the change log keeps them: every field, but the secret and the SFTP
 * password only as set or not (and, after a change, whether they changed), so that the log tells
 * what happened without holding a credential.
 */
final class AgencySnapshots {
    static final String SET = "(set)";
    static final String CHANGED = "(set, changed)";

    private AgencySnapshots() {}

    /** @param previous the settings before the change, to tell a changed secret; null for a plain snapshot */
    static Map<String, Object> of(AgencySettings s, AgencySettings previous) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", s.code());
        m.put("name", s.name());
        m.put("provinceCode", s.provinceCode());
        m.put("communeCode", s.communeCode());
        m.put("address", s.address());
        m.put("phone", s.phone());
        m.put("email", s.email());
        m.put("channel", s.channel() == null ? null : s.channel().name());
        m.put("baseUrl", s.baseUrl());
        m.put("inboxDir", s.inboxDir());
        m.put("outboxDir", s.outboxDir());
        m.put("secret", masked(s.secret(), previous == null ? null : previous.secret(), previous != null));
        m.put("batchWindowMs", s.batchWindowMs());
        m.put("batchSize", s.batchSize());
        m.put("sftpHost", s.sftpHost());
        m.put("sftpPort", s.sftpPort());
        m.put("sftpUsername", s.sftpUsername());
        m.put(
                "sftpPassword",
                masked(s.sftpPassword(), previous == null ? null : previous.sftpPassword(), previous != null));
        m.put("active", s.active());
        return m;
    }

    private static String masked(String value, String previous, boolean compare) {
        if (value == null) {
            return null;
        }
        return compare && !value.equals(previous) ? CHANGED : SET;
    }
}
