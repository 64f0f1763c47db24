package vn.dossierpost.auth;

import vn.dossierpost.domain.User;

/** A signed-in member of staff as the pages see them: the user, their office's name and the session's CSRF token. */
public record WebSession(User user, String officeName, String csrfToken) {

    /** The name to greet: the full name, the username when none was recorded. */
    public String displayName() {
        return user.fullName() == null || user.fullName().isBlank() ? user.username() : user.fullName();
    }
}
