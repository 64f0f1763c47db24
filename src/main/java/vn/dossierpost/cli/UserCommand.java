package vn.dossierpost.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.api.UserView;
import vn.dossierpost.auth.Passwords;
import vn.dossierpost.db.Database;
import vn.dossierpost.db.UserDAO;
import vn.dossierpost.domain.PasswordPolicy;
import vn.dossierpost.domain.Role;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.users.UserAccounts;

/**
 * {@code user add config.yml --username U --role R [--office CODE | --agency CODE] [--token]}: the
 * password comes from DOSSIERPOST_PASSWORD (never the command line, which others can read);
 * {@code --token} also prints a bearer token for a machine client. {@code user token}, {@code user
 * disable}, {@code user enable}, {@code user password} (from DOSSIERPOST_PASSWORD) and {@code user
 * revoke-token}, each with {@code --username U}, change an existing user through the same rules as
 * the administrators' API (service/users/UserAccounts), on the database the service uses, whether
 * it runs or not: the change holds on its next request.
 */
public class UserCommand extends ConfiguredCommand<DossierpostConfiguration> {
    static final String PASSWORD_ENV = "DOSSIERPOST_PASSWORD";
    private static final List<String> CHANGES = List.of("token", "disable", "enable", "password", "revoke-token");

    private final PrintStream out;
    private final Map<String, String> environment;

    public UserCommand() {
        this(System.out, System.getenv());
    }

    /** {@code environment}: where DOSSIERPOST_PASSWORD is read from (tests pass their own). */
    public UserCommand(PrintStream out, Map<String, String> environment) {
        super("user", "Add staff and machine users, disable and enable them, set passwords, issue and revoke tokens");
        this.out = out;
        this.environment = environment;
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
        change(actions, "token", "issue a new bearer API token for a user (the old one stops working)");
        change(actions, "disable", "disable a user: refused at once, web sessions ended");
        change(actions, "enable", "enable a disabled user again");
        change(actions, "password", "set a user's password (from " + PASSWORD_ENV + "); web sessions ended");
        change(actions, "revoke-token", "revoke a user's bearer API token");
    }

    private void change(Subparsers actions, String name, String help) {
        Subparser action = actions.addParser(name).help(help);
        addFileArgument(action);
        action.addArgument("--username").required(true);
    }

    @Override
    protected void run(Bootstrap<DossierpostConfiguration> bootstrap, Namespace ns, DossierpostConfiguration config)
            throws Exception {
        try (Database database = Database.openForCommand(config)) {
            Jdbi jdbi = database.migratedJdbi();
            String username = ns.getString("username");
            String action = ns.getString("action");
            if (CHANGES.contains(action)) {
                change(
                        new UserAccounts(jdbi, Clock.systemDefaultZone(), policy(config), config.getAuth().bcryptCost),
                        action,
                        username);
                return;
            }
            add(jdbi, ns, config, username);
        }
    }

    /** One change to an existing user; a refusal (no such user, a password too short) ends the command with its reason. */
    private void change(UserAccounts accounts, String action, String username) {
        String by = UserAccounts.COMMAND;
        try {
            switch (action) {
                case "token" -> out.println(accounts.newToken(username, by));
                case "disable" -> report(accounts.setDisabled(username, true, by), "disabled");
                case "enable" -> report(accounts.setDisabled(username, false, by), "enabled");
                case "password" ->
                    report(
                            accounts.setPassword(username, environment.get(PASSWORD_ENV), by, PASSWORD_ENV),
                            "new password for");
                case "revoke-token" -> report(accounts.revokeToken(username, by), "token revoked for");
                default -> throw new IllegalArgumentException("unknown action " + action);
            }
        } catch (Problem p) {
            throw new IllegalArgumentException(p.getMessage(), p);
        }
    }

    private void report(UserView user, String what) {
        out.println(what + " " + user.role() + " " + user.username());
    }

    private static PasswordPolicy policy(DossierpostConfiguration config) {
        return new PasswordPolicy(config.getAuth().minPasswordLength);
    }

    private void add(Jdbi jdbi, Namespace ns, DossierpostConfiguration config, String username) {
        if (!UserAccounts.USERNAME.matcher(username).matches()) {
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
        String password = environment.get(PASSWORD_ENV);
        if ((password == null || password.isEmpty()) && !withToken) {
            throw new IllegalArgumentException(
                    "set " + PASSWORD_ENV + " to the new user's password (or use --token for a machine client)");
        }
        if (password != null && !password.isEmpty()) {
            policy(config).problem(password).ifPresent(problem -> {
                throw new IllegalArgumentException(PASSWORD_ENV + ": " + problem);
            });
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
        out.println("added " + role + " " + username + (office != null ? " at office " + office : "")
                + (agency != null ? " for agency " + agency : ""));
        if (token != null) {
            out.println("token: " + token);
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
