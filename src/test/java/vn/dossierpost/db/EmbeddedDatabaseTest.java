package vn.dossierpost.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default: data under dataDir survives a restart, and a second user attaches instead of starting another server. */
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
            try (EmbeddedDatabase second = EmbeddedDatabase.startOrAttach(dataDir)) {
                assertThat(second.startedHere()).isFalse();
                assertThat(second.port()).isEqualTo(first.port());
            }
            // closing the attached one must not stop the server it did not start
            assertThat(EmbeddedDatabase.runningPort(dataDir.resolve("postgres").toAbsolutePath()))
                    .contains(first.port());
        }
        assertThat(EmbeddedDatabase.runningPort(dataDir.resolve("postgres").toAbsolutePath()))
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
}
