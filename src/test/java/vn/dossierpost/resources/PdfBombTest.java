package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.TestApp.json;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.HostilePdfs;
import vn.dossierpost.support.Multipart;
import vn.dossierpost.support.StoreFiles;
import vn.dossierpost.support.TestApp;

/** PDFs that take more to open than a scan may: refused as unreadable, nothing stored, the node unharmed. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PdfBombTest {
    static final Path DATA = TestApp.newDataDir();
    static final TestApp APP = new TestApp(
            ConfigOverride.config("dataDir", DATA.toString()),
            ConfigOverride.config("limits.maxPdfMemory", "1MB"),
            ConfigOverride.config("limits.maxPdfWork", "8MB"));
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final StoreFiles STORE = new StoreFiles(DATA);
    static final String CLERK = "clerk.bomb";

    @BeforeAll
    static void users() {
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
    }

    private static String takeIn() {
        return (String) json(APP.post(CLERK, "/api/dossiers", Dossiers.judicialRecord()))
                .get("code");
    }

    private static long files() {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM dossier_file")
                        .mapTo(Long.class)
                        .one());
    }

    @Test
    void theSamePdfWithLittlePaddingIsAnOrdinaryScan() {
        String code = takeIn();
        Response res = APP.upload(
                CLERK,
                code,
                "TO_KHAI",
                Multipart.file("to-khai.pdf", "application/pdf", HostilePdfs.objectStream(1000)));
        assertThat(res.getStatus()).as("%s", res.readEntity(String.class)).isEqualTo(201);
    }

    @Test
    void aDecompressionBombIsAnUnreadablePdfAndNothingIsStored() {
        String code = takeIn();
        long before = files();
        int blobs = STORE.blobs().size();
        byte[] bomb = HostilePdfs.objectStream(200L << 20); // 200 MB of blanks in a few hundred kB
        assertThat(bomb.length).isLessThan(1 << 20);
        Response res = APP.upload(CLERK, code, "TO_KHAI", Multipart.file("bom.pdf", "application/pdf", bomb));
        assertThat(res.getStatus()).isEqualTo(422);
        Map<String, Object> answer = json(res);
        assertThat(answer).containsEntry("field", "files[0]");
        assertThat((String) answer.get("message")).contains("unreadable PDF");
        assertThat(files()).isEqualTo(before);
        assertThat(STORE.blobs().size()).isEqualTo(blobs);
    }

    @Test
    void aPageTreeNestedBeyondReasonIsAnUnreadablePdf() {
        String code = takeIn();
        long before = files();
        int depth = 200_000;
        byte[] nested = HostilePdfs.objectStream(10, "/Deep " + "[".repeat(depth) + "]".repeat(depth) + " ");
        Response res = APP.upload(CLERK, code, "TO_KHAI", Multipart.file("sau.pdf", "application/pdf", nested));
        assertThat(res.getStatus()).isEqualTo(422);
        assertThat((String) json(res).get("message")).contains("unreadable PDF");
        assertThat(files()).isEqualTo(before);
    }
}
