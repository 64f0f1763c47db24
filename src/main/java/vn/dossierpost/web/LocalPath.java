package vn.dossierpost.web;

import java.net.URI;
import java.net.URISyntaxException;
import vn.dossierpost.domain.Role;

/**
 * Where to go after signing in. {@code next} is followed only when it is a path of this site: it
 * starts with one {@code /}, never {@code //} or {@code /\} (which browsers read as another host), and
 * holds no control characters (browsers drop tabs and newlines, turning {@code /\t/evil} into
 * {@code //evil}) and no scheme or host. Anything else goes to the user's home page.
 */
final class LocalPath {
    private LocalPath() {}

    static String orHome(String next, Role role) {
        return isLocal(next) ? next : home(role);
    }

    static String home(Role role) {
        return switch (role) {
            case COUNTER -> "/counter";
            case SUPERVISOR -> "/supervisor";
            case COURIER -> "/courier";
            case AGENCY -> "/agency";
            default -> "/trang-chu";
        };
    }

    static boolean isLocal(String next) {
        if (next == null || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//")) {
            return false;
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return false;
            }
        }
        try {
            URI uri = new URI(next);
            return uri.getScheme() == null && uri.getAuthority() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
