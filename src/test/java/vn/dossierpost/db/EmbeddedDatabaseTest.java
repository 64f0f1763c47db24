package vn.dossierpost.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default: data under dataDir survives a restart; a second user attaches instead of
 * starting another server; a command never stops a server it found, the service stops the one it ran on.
 */
class EmbeddedDatabaseTest {

    @Test
    void dataSurvivesRestartAndSecondOpenerAttaches(@TempDir Path dataDir) throws Exception {
        try (EmbeddedDatabase first = EmbeddedDatabase.startOrAttach(dataDir)) {
            assertThat(first.startedHere()).isTrue();
            try (Connection c = DriverManager.getConnection(first.jdbcUrl(), "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (name text)");
                s.execute("INSERT INTO kept VALUES ('Hồ sơ Nguyễn Thị Hồng Nhung')");
            }
            try (EmbeddedDatabase command = EmbeddedDatabase.startOrAttach(dataDir, true)) {
                assertThat(command.startedHere()).isFalse();
                assertThat(command.port()).isEqualTo(first.port());
            }
            // a command closing must not stop the server it did not start
            assertThat(EmbeddedDatabase.running(dataDir.resolve("postgres").toAbsolutePath()))
                    .map(EmbeddedDatabase.Running::port)
                    .contains(first.port());
        }
        assertThat(EmbeddedDatabase.running(dataDir.resolve("postgres").toAbsolutePath()))
                .isEmpty();

        try (EmbeddedDatabase again = EmbeddedDatabase.startOrAttach(dataDir);
                Connection c = DriverManager.getConnection(again.jdbcUrl(), "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM kept")) {
            assertThat(again.startedHere()).isTrue();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Hồ sơ Nguyễn Thị Hồng Nhung");
        }
    }

    @Test
    void theServiceStopsAServerItFoundRunning(@TempDir Path dataDir) throws Exception {
        // what a killed service leaves: a server whose starter will never stop it
        EmbeddedDatabase orphan = EmbeddedDatabase.startOrAttach(dataDir);
        Path directory = dataDir.resolve("postgres").toAbsolutePath();
        long pid = EmbeddedDatabase.running(directory).orElseThrow().pid();

        try (EmbeddedDatabase service = EmbeddedDatabase.startOrAttach(dataDir)) {
            assertThat(service.startedHere()).isFalse();
            assertThat(service.port()).isEqualTo(orphan.port());
        }
        assertThat(EmbeddedDatabase.running(directory)).isEmpty();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("the postmaster")
                .isFalse();
        assertThat(directory.resolve("postmaster.pid")).doesNotExist();
    }
}
