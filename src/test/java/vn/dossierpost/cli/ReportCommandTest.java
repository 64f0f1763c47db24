package vn.dossierpost.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostApplication;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.support.ReportSeed;
import vn.dossierpost.support.TestApp;

/** The {@code report} command, run in-process against the test service's database. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ReportCommandTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final Path OUT = TestApp.newDataDir();

    @BeforeAll
    static void seed() {
        APP.jdbi().useTransaction(ReportSeed::seed);
    }

    static String report(Map<String, Object> args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportCommand command = new ReportCommand(new PrintStream(out, true, StandardCharsets.UTF_8));
        Map<String, Object> all = new HashMap<>(Map.of("kind", "service", "format", "xlsx"));
        all.putAll(args);
        command.run(new Bootstrap<>(new DossierpostApplication()), new Namespace(all), EXT.getConfiguration());
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheQuarterAsXlsxAndPdfWithTheFiguresOfTheApi() throws Exception {
        Path file = OUT.resolve("q1.xlsx");
        String printed = report(Map.of("period", "2026-Q1", "out", file.toString()));
        assertThat(printed)
                .contains("bao-cao-service-2026-01-01-2026-03-31.xlsx")
                .contains(file.toString());
        try (InputStream in = Files.newInputStream(file);
                XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet offices = book.getSheet("Sản lượng theo bưu cục");
            Row total = offices.getRow(offices.getLastRowNum());
            assertThat(total.getCell(1).getStringCellValue()).isEqualTo("Tổng cộng");
            // received, handed over, returned, withdrawn: as PeriodicReportTest counts them
            assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(6.0);
            assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(5.0);
            assertThat(total.getCell(4).getNumericCellValue()).isEqualTo(3.0);
            assertThat(total.getCell(5).getNumericCellValue()).isEqualTo(1.0);
        }
        Path pdf = OUT.resolve("q1.pdf");
        report(Map.of("period", "2026-Q1", "format", "pdf", "out", pdf.toString()));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(doc))
                    .contains("Khiếu nại theo bưu cục", "Mức độ hài lòng của người dân");
        }
    }

    @Test
    void oneOfficesRevenueAsPdf() throws Exception {
        Path file = OUT.resolve("sg.pdf");
        report(Map.of(
                "kind",
                "revenue",
                "from",
                "2026-03-01",
                "to",
                "2026-03-31",
                "format",
                "pdf",
                "office",
                "700000",
                "out",
                file.toString()));
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(pdf).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Phạm vi: Bưu cục Trung tâm Sài Gòn (700000)")
                    .contains("700000 Bưu cục Trung tâm Sài Gòn 2 116.000 0 116.000 400.000 400.000 56.000")
                    .doesNotContain("Hà Nội");
        }
    }

    @Test
    void aWrongArgumentIsNamedAndNothingIsWritten() {
        Path file = OUT.resolve("never.xlsx");
        assertThatThrownBy(() -> report(Map.of("period", "2026-Q7", "out", file.toString())))
                .isInstanceOf(ReportCommand.BadArgument.class)
                .hasMessageStartingWith("report: --period:");
        assertThatThrownBy(() -> report(Map.of("kind", "everything", "period", "2026", "out", file.toString())))
                .hasMessageStartingWith("report: --kind:");
        assertThat(file).doesNotExist();
    }
}
