package vn.dossierpost.web.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.dossierpost.api.AgencyView;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.integration.ConnectionCheck;
import vn.dossierpost.web.Page;

/**
 * One agency's channel as a form: the saved values (secrets only as set or not), or what was sent
 * with the problems beside their fields; the route's state; the answer of "test connection".
 */
public final class AgencyFormPage extends Page {
    /** Typed, used, never sent back to the browser. */
    private static final Set<String> WRITE_ONLY = Set.of("secret", "sftpPassword");

    private final AgencyView agency;
    private final Map<String, String> sent;
    private final Map<String, List<String>> errors;
    private final ConnectionCheck check;

    AgencyFormPage(
            WebSession session,
            AgencyView agency,
            Map<String, String> sent,
            Map<String, List<String>> errors,
            ConnectionCheck check) {
        super("admin/agency.ftlh", agency.name());
        signedIn(session);
        this.agency = agency;
        this.sent = new HashMap<>(sent);
        this.sent.keySet().removeAll(WRITE_ONLY);
        this.errors = errors;
        this.check = check;
    }

    public AgencyView getAgency() {
        return agency;
    }

    /** What the input shows: what was sent, else what is saved (never a secret: those inputs stay empty). */
    public String value(String field) {
        if (sent.containsKey(field)) {
            return sent.get(field);
        }
        Object saved = switch (field) {
            case "name" -> agency.name();
            case "channel" -> agency.channel();
            case "baseUrl" -> agency.baseUrl();
            case "inboxDir" -> agency.inboxDir();
            case "outboxDir" -> agency.outboxDir();
            case "batchWindowMs" -> agency.batchWindowMs();
            case "batchSize" -> agency.batchSize();
            case "sftpHost" -> agency.sftpHost();
            case "sftpPort" -> agency.sftpPort();
            case "sftpUsername" -> agency.sftpUsername();
            case "active" -> agency.active();
            default -> null;
        };
        return saved == null ? "" : saved.toString();
    }

    public List<String> errors(String field) {
        return errors.getOrDefault(field, List.of());
    }

    public Map<String, List<String>> getProblems() {
        return errors;
    }

    public ConnectionCheck getCheck() {
        return check;
    }
}
