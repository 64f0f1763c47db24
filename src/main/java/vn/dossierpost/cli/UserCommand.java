package vn.dossierpost.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.util.regex.Pattern;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.auth.Passwords;
import vn.dossierpost.db.Database;
import vn.dossierpost.db.UserDAO;
import vn.dossierpost.domain.Role;

/**
 * {@code user add config.yml --username U --role R [--office CODE | --agency CODE] [--token]}: the
 * password comes from DOSSIERPOST_PASSWORD (never the command line, which others can read);
 * {@code --token} also prints a bearer token for a machine client. {@code user token config.yml
 * --username U} issues a new token, replacing the old one.
 */
public class UserCommand extends ConfiguredCommand<DossierpostConfiguration> {
    static final String PASSWORD_ENV = "DOSSIERPOST_PASSWORD";
    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9._-]{3,64}$");

    public UserCommand() {
        super("user", "Add staff and machine users");
    }

    @Override
    public void configure(Subparser subparser) {
        Subparsers actions = subparser.addSubparsers().dest("action");
        Subparser add = actions.addParser("add").help("add a user (password from " + PASSWORD_ENV + ")");
        addFileArgument(add);
        add.addArgument("--username").required(true);
        add.addArgument("--role").required(true).choices("COUNTER", "COURIER", "AGENCY", "SUPERVISOR", "ADMIN");
        add.addArgument("--office").help("post office code (COUNTER, COURIER; optional for SUPERVISOR)");
        add.addArgument("--agency").help("agency code (AGENCY)");
        add.addArgument("--name").help("full name");
        add.addArgument("--token").action(Arguments.storeTrue()).help("also issue a bearer API token and print it");
        Subparser token = actions.addParser("token").help("issue a new bearer API token for a user");
        addFileArgument(token);
        token.addArgument("--username").required(true);
    }

    @Override
    protected void run(Bootstrap<DossierpostConfiguration> bootstrap, Namespace ns, DossierpostConfiguration config)
            throws Exception {
        try (Database database = Database.openForCommand(config)) {
            database.migrate();
            Jdbi jdbi = Jdbi.create(database::connect);
            jdbi.installPlugin(new org.jdbi.v3.sqlobject.SqlObjectPlugin());
            String username = ns.getString("username");
            if ("token".equals(ns.getString("action"))) {
                String token = Passwords.newToken();
                int updated = jdbi.withExtension(
                        UserDAO.class, dao -> dao.setTokenHash(username, Passwords.tokenHash(token)));
                if (updated == 0) {
                    throw new IllegalArgumentException("no user " + username);
                }
                System.out.println(token);
                return;
            }
            add(jdbi, ns, config, username);
        }
    }

    private void add(Jdbi jdbi, Namespace ns, DossierpostConfiguration config, String username) {
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("--username: 3 to 64 characters among a-z 0-9 . _ -");
        }
        Role role = Role.valueOf(ns.getString("role"));
        String office = ns.getString("office");
        String agency = ns.getString("agency");
        boolean withToken = ns.getBoolean("token");
        if (role.needsOffice() && office == null)
            throw new IllegalArgumentException("--office is required for " + role);
        if (role.needsAgency() && agency == null)
            throw new IllegalArgumentException("--agency is required for " + role);
        if (office != null && agency != null)
            throw new IllegalArgumentException("a user belongs to an office or an agency, not both");
        String password = System.getenv(PASSWORD_ENV);
        if ((password == null || password.isEmpty()) && !withToken) {
            throw new IllegalArgumentException(
                    "set " + PASSWORD_ENV + " to the new user's password (or use --token for a machine client)");
        }
        if (password != null && !password.isEmpty() && password.length() < 8) {
            throw new IllegalArgumentException(PASSWORD_ENV + ": at least 8 characters");
        }
        String hash =
                password == null || password.isEmpty() ? null : Passwords.hash(password, config.getAuth().bcryptCost);
        String token = withToken ? Passwords.newToken() : null;
        jdbi.useTransaction(h -> {
            check(h, "post_office", office, "--office");
            check(h, "agency", agency, "--agency");
            UserDAO users = h.attach(UserDAO.class);
            if (users.exists(username)) {
                throw new IllegalArgumentException("user " + username + " already exists");
            }
            users.insert(
                    username,
                    hash,
                    token == null ? null : Passwords.tokenHash(token),
                    role,
                    office,
                    agency,
                    ns.getString("name"));
        });
        System.out.println("added " + role + " " + username + (office != null ? " at office " + office : "")
                + (agency != null ? " for agency " + agency : ""));
        if (token != null) {
            System.out.println("token: " + token);
        }
    }

    private static void check(Handle h, String table, String code, String option) {
        if (code != null
                && h.createQuery("SELECT count(*) FROM " + table + " WHERE code = :c")
                                .bind("c", code)
                                .mapTo(Integer.class)
                                .one()
                        == 0) {
            throw new IllegalArgumentException(option + ": unknown code " + code);
        }
    }
}
