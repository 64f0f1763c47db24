package vn.dossierpost.web.admin;

import java.util.List;
import java.util.Map;
import vn.dossierpost.api.AgencySummary;
import vn.dossierpost.api.OfficeView;
import vn.dossierpost.api.UserView;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.Role;
import vn.dossierpost.web.Page;

/**
 * The users, each with its buttons (disable or enable, new password, new or no token), and the form
 * adding one. A password or token made here is shown on this answer only ({@link OneTime}): only
 * its hash is kept, and nothing carries it to another page.
 */
public final class UsersPage extends Page {
    /** A secret to hand over once: whose, what it is ("mật khẩu", "token"). */
    public record OneTime(String username, String what, String secret) {}

    private final List<UserView> users;
    private final List<OfficeView> offices;
    private final List<AgencySummary> agencies;
    private Map<String, String> sent = Map.of();
    private Map<String, List<String>> errors = Map.of();
    private OneTime oneTime;
    private String refused;

    UsersPage(WebSession session, List<UserView> users, List<OfficeView> offices, List<AgencySummary> agencies) {
        super("admin/users.ftlh", "Người dùng");
        signedIn(session);
        this.users = users;
        this.offices = offices;
        this.agencies = agencies;
    }

    UsersPage withErrors(Map<String, String> sent, Map<String, List<String>> errors) {
        this.sent = sent;
        this.errors = errors;
        return this;
    }

    UsersPage showing(OneTime oneTime) {
        this.oneTime = oneTime;
        return this;
    }

    UsersPage refused(String message) {
        this.refused = message;
        return this;
    }

    public List<UserView> getUsers() {
        return users;
    }

    public List<OfficeView> getOffices() {
        return offices;
    }

    public List<AgencySummary> getAgencies() {
        return agencies;
    }

    public List<Role> getRoles() {
        return List.of(Role.values());
    }

    public String value(String field) {
        return sent.getOrDefault(field, "");
    }

    public List<String> errors(String field) {
        return errors.getOrDefault(field, List.of());
    }

    public Map<String, List<String>> getProblems() {
        return errors;
    }

    public OneTime getOneTime() {
        return oneTime;
    }

    public String getRefused() {
        return refused;
    }
}
