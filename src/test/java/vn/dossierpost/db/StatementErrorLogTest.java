package vn.dossierpost.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.dropwizard.jersey.errors.LoggingExceptionMapper;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.support.TestDatabase;

/**
 * A statement that breaks a constraint, with a person's name and ID number among its values, goes
 * through the service's database settings and its error mapper (which logs what it answers 500
 * to): the log names the statement and the constraint, never the values.
 */
class StatementErrorLogTest {
    private static final String NAME = "Nguyễn Thị Hồng Nhung";
    private static final String USERNAME = "nhung.001190123456";

    @Test
    void theLoggedErrorHasNoBoundValuesAndNoFailingRow() throws Exception {
        DossierpostConfiguration config = new DossierpostConfiguration();
        config.getDatabase().setUrl(TestDatabase.newDatabase());
        config.getDatabase().setUser("postgres");
        config.getDatabase().setPassword("");
        try (Database database = Database.open(config)) {
            Jdbi jdbi = JdbiSetup.configure(Jdbi.create(database::connect).installPlugin(new SqlObjectPlugin()));
            // a clerk without an office: the CHECK fails, and PostgreSQL would quote the whole row
            Throwable failed = catchThrowable(() -> jdbi.useHandle(h -> h.createUpdate(
                            "INSERT INTO app_user (username, role, full_name) VALUES (:username, 'COUNTER', :name)")
                    .bind("username", USERNAME)
                    .bind("name", NAME)
                    .execute()));
            assertThat(failed).isNotNull();

            Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            ListAppender<ILoggingEvent> captured = new ListAppender<>();
            captured.start();
            root.addAppender(captured);
            try {
                new LoggingExceptionMapper<Throwable>() {}.toResponse(failed);
            } finally {
                root.detachAppender(captured);
            }
            String log = render(captured.list);
            assertThat(log).contains("app_user").contains("check constraint");
            assertThat(log).doesNotContain("Nhung", "Nguyễn", "001190123456", USERNAME);
        }
    }

    private static String render(List<ILoggingEvent> events) {
        StringBuilder b = new StringBuilder();
        for (ILoggingEvent e : events) {
            b.append(e.getFormattedMessage()).append('\n');
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                b.append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
            }
        }
        return b.toString();
    }
}
