package vn.dossierpost.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dossierpost.support.TestApp.json;

import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostApplication;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Multipart;
import vn.dossierpost.support.Scans;
import vn.dossierpost.support.StoreFiles;
import vn.dossierpost.support.TestApp;

/** The {@code fixity} command, run in-process against the test service's database and store. */
@ExtendWith(DropwizardExtensionsSupport.class)
class FixityCommandTest {
    static final Path DATA = TestApp.newDataDir();
    static final TestApp APP = new TestApp(ConfigOverride.config("dataDir", DATA.toString()));
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final StoreFiles STORE = new StoreFiles(DATA);

    @BeforeAll
    static void users() {
        APP.addUser("clerk", Role.COUNTER, Dossiers.OFFICE, null);
    }

    record Stored(String code, String sha256) {}

    static Stored upload(String name, byte[] bytes) {
        String code = (String) json(APP.post("clerk", "/api/dossiers", Dossiers.judicialRecord()))
                .get("code");
        Response res = APP.upload("clerk", code, "TO_KHAI", Multipart.file(name, "application/octet-stream", bytes));
        assertThat(res.getStatus()).isEqualTo(201);
        Map<?, ?> file = (Map<?, ?>) ((List<?>) json(res).get("files")).get(0);
        return new Stored(code, (String) file.get("sha256"));
    }

    /** Runs the command; returns what it printed and whether it ended in failure. */
    static String fixity(boolean expectProblems) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FixityCommand command = new FixityCommand(new PrintStream(out, true, StandardCharsets.UTF_8));
        Bootstrap<DossierpostConfiguration> bootstrap = new Bootstrap<>(new DossierpostApplication());
        if (expectProblems) {
            assertThatThrownBy(() -> command.run(bootstrap, new Namespace(Map.of()), EXT.getConfiguration()))
                    .isInstanceOf(FixityCommand.ProblemsFound.class)
                    .hasMessageContaining("fixity:");
        } else {
            command.run(bootstrap, new Namespace(Map.of()), EXT.getConfiguration());
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void reportsMissingAndCorruptedFilesWithTheirDossiersAndRecordsThem() throws Exception {
        Stored good = upload("tot.pdf", Scans.pdf(1));
        Stored damaged = upload("Tờ khai hỏng.png", Scans.png(61));
        Stored gone = upload("mat.jpg", Scans.jpeg(62));

        String clean = fixity(false);
        assertThat(clean).contains("missing 0, corrupted 0");

        STORE.corrupt(damaged.sha256());
        Files.delete(STORE.blob(gone.sha256()));
        String report = fixity(true);
        assertThat(report).contains("intact 1, missing 1, corrupted 1");
        assertThat(report)
                .contains("CORRUPTED " + damaged.sha256())
                .contains("'Tờ khai hỏng.png' (TO_KHAI) of dossier " + damaged.code());
        assertThat(report)
                .contains("MISSING " + gone.sha256())
                .contains("'mat.jpg' (TO_KHAI) of dossier " + gone.code());
        assertThat(report).doesNotContain(good.sha256());

        assertThat(fixityEvents(damaged.code())).containsExactly("CORRUPTED");
        assertThat(fixityEvents(gone.code())).containsExactly("MISSING");
        assertThat(fixityEvents(good.code())).isEmpty();

        // a second run reports the same files but does not repeat the events
        String again = fixity(true);
        assertThat(again).contains("CORRUPTED " + damaged.sha256()).doesNotContain("(new)");
        assertThat(fixityEvents(damaged.code())).hasSize(1);
    }

    private static List<String> fixityEvents(String code) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT e.payload->>'problem' FROM dossier_event e JOIN dossier d "
                                + "ON d.id = e.dossier_id WHERE d.code = :c AND e.type = 'FIXITY_FAILED' ORDER BY e.id")
                        .bind("c", code)
                        .mapTo(String.class)
                        .list());
    }
}
