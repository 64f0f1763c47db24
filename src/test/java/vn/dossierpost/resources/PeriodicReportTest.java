package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.TestApp.json;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.ReportSeed;
import vn.dossierpost.support.TestApp;

/**
 * The periodic reports against the dossiers of {@link ReportSeed}, whose figures for the first quarter
 * of 2026 are counted by hand below, in JSON, in the XLSX read back and in the PDF's text.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PeriodicReportTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final String HN = "100000";
    static final String SG = "700000";

    @BeforeAll
    static void seed() {
        APP.addUser("supervisor", Role.SUPERVISOR, null, null);
        APP.addUser("supervisor.sg", Role.SUPERVISOR, SG, null);
        APP.addUser("clerk", Role.COUNTER, HN, null);
        APP.jdbi().useTransaction(ReportSeed::seed);
    }

    @Test
    void volumesByProcedureAgencyAndOfficeCountWhatHappenedInTheQuarter() {
        Map<String, Object> report = get("supervisor", "/api/reports/volumes?period=2026-Q1");
        assertThat(report.get("from")).isEqualTo("2026-01-01");
        assertThat(report.get("to")).isEqualTo("2026-03-31");
        // received R1 R2 R3 R4 R5 R7 (R6 in 2025, R8 on 1 April local time); handed over R1 R2 R3 R4 R6;
        // returned R1 R2 R3; withdrawn R5
        List<Map<String, Object>> offices = rows(report, "volumes-office");
        assertThat(line(offices, HN))
                .containsEntry("received", 4)
                .containsEntry("handedOver", 4)
                .containsEntry("returned", 3)
                .containsEntry("withdrawn", 0)
                .containsEntry("name", "Bưu cục Trung tâm Hà Nội");
        assertThat(line(offices, SG))
                .containsEntry("received", 2)
                .containsEntry("handedOver", 1)
                .containsEntry("returned", 0)
                .containsEntry("withdrawn", 1);
        assertThat(total(offices))
                .containsEntry("received", 6)
                .containsEntry("handedOver", 5)
                .containsEntry("returned", 3)
                .containsEntry("withdrawn", 1);
        List<Map<String, Object>> procedures = rows(report, "volumes-procedure");
        assertThat(procedures).hasSize(4);
        assertThat(line(procedures, "2.000488"))
                .containsEntry("received", 4)
                .containsEntry("handedOver", 3)
                .containsEntry("returned", 2)
                .containsEntry("withdrawn", 1);
        assertThat(line(procedures, "9.000201")).containsEntry("received", 1).containsEntry("returned", 1);
        List<Map<String, Object>> agencies = rows(report, "volumes-agency");
        assertThat(line(agencies, "000.00.15.H29"))
                .containsEntry("received", 1)
                .containsEntry("handedOver", 1)
                .containsEntry("name", "Sở Tư pháp Thành phố Hồ Chí Minh");
        assertThat(total(agencies)).isEqualTo(total(offices));

        // a browser's link asks for anything: it gets JSON
        Response browser = APP.as("supervisor", "/api/reports/volumes?period=2026-Q1")
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .get();
        assertThat(browser.getStatus()).isEqualTo(200);
        assertThat(browser.getHeaderString("Content-Type")).startsWith("application/json");
        assertThat(total(rows(json(browser), "volumes-office"))).containsEntry("received", 6);

        Map<String, Object> april = get("supervisor", "/api/reports/volumes?from=2026-04-01&to=2026-04-30");
        assertThat(total(rows(april, "volumes-office")))
                .containsEntry("received", 1)
                .containsEntry("handedOver", 0);
    }

    @Test
    void timelinessPerLegPutsEachLateLegDownToWhoHeldTheDossier() {
        Map<String, Object> report = get("supervisor", "/api/reports/timeliness?period=2026-Q1");
        List<Map<String, Object>> legs = rows(report, "timeliness-leg");
        assertThat(legs).hasSize(3);
        // to the agency: R1 R3 R6 on time; R2 (received) and R4 (in transit) late with the post
        assertThat(legs.get(0))
                .containsEntry("leg", "Chuyển hồ sơ đến cơ quan giải quyết")
                .containsEntry("finished", 5)
                .containsEntry("onTime", 3)
                .containsEntry("late", 2)
                .containsEntry("onTimeRate", 60.0)
                .containsEntry("lateHeldByPost", 2)
                .containsEntry("lateHeldByAgency", 0)
                .containsEntry("lateHeldByApplicant", 0)
                .containsEntry("overdueOpen", 0);
        // at the agency: R1 and R4 (refused) on time; R3 late processing; R2 late while the supplement was
        // awaited; R6, due 16 January, still at the agency when the quarter ended
        assertThat(legs.get(1))
                .containsEntry("finished", 4)
                .containsEntry("onTime", 2)
                .containsEntry("late", 2)
                .containsEntry("lateHeldByPost", 0)
                .containsEntry("lateHeldByAgency", 1)
                .containsEntry("lateHeldByApplicant", 1)
                .containsEntry("overdueOpen", 1);
        // to the applicant: R1 on time; R2 late (the applicant owed the supplement on its due day); R3 late
        // (the agency still processing on its due day)
        assertThat(legs.get(2))
                .containsEntry("finished", 3)
                .containsEntry("onTime", 1)
                .containsEntry("late", 2)
                .containsEntry("lateHeldByPost", 0)
                .containsEntry("lateHeldByAgency", 1)
                .containsEntry("lateHeldByApplicant", 1)
                .containsEntry("overdueOpen", 0);

        List<Map<String, Object>> offices = rows(report, "timeliness-office");
        List<Map<String, Object>> sg =
                offices.stream().filter(l -> SG.equals(l.get("code"))).toList();
        assertThat(sg).hasSize(2);
        assertThat(offices.stream()
                        .filter(l -> HN.equals(l.get("code")))
                        .mapToLong(l -> ((Number) l.get("overdueOpen")).longValue())
                        .sum())
                .isEqualTo(1);
        assertThat(sg.get(0))
                .containsEntry("finished", 1)
                .containsEntry("late", 1)
                .containsEntry("lateHeldByPost", 1);
        assertThat(sg.get(1)).containsEntry("finished", 1).containsEntry("onTime", 1);
    }

    @Test
    void revenuePerOfficeWithFeesCollectedOnBehalfAndPaidBack() {
        List<Map<String, Object>> lines =
                rows(get("supervisor", "/api/reports/revenue?period=2026-Q1"), "revenue-office");
        // Hà Nội paid R1 R2 R3 R7: postage at the counter 56 000 + (40 000 - 20 000) + 30 000 + 56 000, and
        // R2's 20 000 on delivery; fees 200 000 + 200 000 + 135 000 + 200 000
        assertThat(line(lines, HN))
                .containsEntry("paidDossiers", 4)
                .containsEntry("postageAtCounter", 162000)
                .containsEntry("postageOnDelivery", 20000)
                .containsEntry("postage", 182000)
                .containsEntry("governmentFees", 735000)
                .containsEntry("refundedFees", 0)
                .containsEntry("refundedPostage", 0);
        // Sài Gòn paid R4 R5; R4's fee paid back after the refusal, R5's 256 000 after the withdrawal
        assertThat(line(lines, SG))
                .containsEntry("paidDossiers", 2)
                .containsEntry("postageAtCounter", 116000)
                .containsEntry("postageOnDelivery", 0)
                .containsEntry("governmentFees", 400000)
                .containsEntry("refundedFees", 400000)
                .containsEntry("refundedPostage", 56000);
        assertThat(total(lines))
                .containsEntry("paidDossiers", 6)
                .containsEntry("postage", 298000)
                .containsEntry("governmentFees", 1135000)
                .containsEntry("refundedFees", 400000)
                .containsEntry("refundedPostage", 56000);
    }

    @Test
    void anOfficeSupervisorGetsTheirOfficesFiguresOnly() {
        Map<String, Object> report = get("supervisor.sg", "/api/reports/service?period=2026-Q1");
        assertThat(report.get("officeCode")).isEqualTo(SG);
        List<Map<String, Object>> offices = rows(report, "volumes-office");
        assertThat(offices).hasSize(2);
        assertThat(total(offices))
                .containsEntry("received", 2)
                .containsEntry("handedOver", 1)
                .containsEntry("withdrawn", 1);
        assertThat(rows(report, "volumes-agency").stream().map(l -> l.get("code")))
                .containsExactly("000.00.15.H26", "000.00.15.H29", "");
        assertThat(total(rows(report, "revenue-office"))).containsEntry("governmentFees", 400000);
        assertThat(rows(report, "timeliness-leg").get(0)).containsEntry("finished", 1);
    }

    @Test
    void theServiceReportHoldsEverySectionWithComplaintsIncidentsAndRatings() {
        Map<String, Object> report = get("supervisor", "/api/reports/service?period=2026-Q1");
        assertThat(sections(report).stream().map(s -> s.get("key")))
                .containsExactly(
                        "volumes-procedure",
                        "volumes-agency",
                        "volumes-office",
                        "timeliness-leg",
                        "timeliness-office",
                        "timeliness-agency",
                        "revenue-office",
                        "complaints-office",
                        "incidents-office",
                        "satisfaction-office");
        // K1 on time, K2 late (100000); K3 open past its day (700000); K4 is of the second quarter
        assertThat(rows(report, "complaints-office"))
                .extracting(l -> List.of(
                        l.get("code"),
                        l.get("received"),
                        l.get("answeredOnTime"),
                        l.get("answeredLate"),
                        l.get("openOverdue")))
                .containsExactly(List.of("100000", 2, 1, 1, 0), List.of("700000", 1, 0, 0, 1), List.of("", 3, 1, 1, 1));
        // S1 lost, owed 212 000, paid late; S2 damaged, 112 000 unpaid past its day
        assertThat(total(rows(report, "incidents-office")))
                .containsEntry("lost", 1)
                .containsEntry("damaged", 1)
                .containsEntry("compensationOwed", 324000)
                .containsEntry("compensationPaid", 212000)
                .containsEntry("paidLate", 1)
                .containsEntry("unpaidOverdue", 1);
        // R1 5 and R2 3; R6's 1 is of the second quarter
        assertThat(total(rows(report, "satisfaction-office")))
                .containsEntry("ratings", 2)
                .containsEntry("average", 4.0);
    }

    @Test
    void theXlsxHasOneSheetPerSectionWithABoldHeaderAndNumbersAsNumbers() throws Exception {
        Response res = APP.as("supervisor", "/api/reports/service?period=2026-Q1&format=xlsx")
                .get();
        assertThat(res.getStatus()).isEqualTo(200);
        assertThat(res.getHeaderString("Content-Type")).startsWith("application/vnd.openxmlformats");
        assertThat(res.getHeaderString("Content-Disposition")).contains("bao-cao-service-2026-01-01-2026-03-31.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(res.readEntity(byte[].class)))) {
            List<String> names = new ArrayList<>();
            book.forEach(s -> names.add(s.getSheetName()));
            assertThat(names)
                    .containsExactly(
                            "Thông tin",
                            "Sản lượng theo thủ tục",
                            "Sản lượng theo cơ quan",
                            "Sản lượng theo bưu cục",
                            "Đúng hạn theo chặng",
                            "Đúng hạn theo bưu cục",
                            "Đúng hạn theo cơ quan",
                            "Doanh thu theo bưu cục",
                            "Khiếu nại theo bưu cục",
                            "Mất, hư hỏng và bồi thường",
                            "Mức độ hài lòng của người dân");
            Sheet revenue = book.getSheet("Doanh thu theo bưu cục");
            Row head = revenue.getRow(0);
            assertThat(head.getCell(4).getStringCellValue()).isEqualTo("Cước thu khi phát - COD (đồng)");
            assertThat(book.getFontAt(head.getCell(4).getCellStyle().getFontIndex())
                            .getBold())
                    .isTrue();
            Row total = revenue.getRow(revenue.getLastRowNum());
            assertThat(total.getCell(1).getStringCellValue()).isEqualTo("Tổng cộng");
            Cell fees = total.getCell(6);
            assertThat(fees.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(fees.getNumericCellValue()).isEqualTo(1135000.0);
            Sheet legs = book.getSheet("Đúng hạn theo chặng");
            assertThat(legs.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(3.0);
            Sheet incidents = book.getSheet("Mất, hư hỏng và bồi thường");
            assertThat(incidents.getRow(incidents.getLastRowNum()).getCell(4).getNumericCellValue())
                    .isEqualTo(324000.0);
            assertThat(book.getSheet("Thông tin").getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo("2026-Q1");
        }
    }

    @Test
    void thePdfIsA4WithTheFiguresInVietnamese() throws Exception {
        Response res = APP.as("supervisor", "/api/reports/service?period=2026-Q1&format=pdf")
                .get();
        assertThat(res.getStatus()).isEqualTo(200);
        assertThat(res.getHeaderString("Content-Type")).startsWith("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(res.readEntity(byte[].class))) {
            // A4 (595 × 842 pt) turned to landscape
            PDPage page = pdf.getPage(0);
            assertThat(Math.round(page.getMediaBox().getWidth())).isEqualTo(595);
            assertThat(Math.round(page.getMediaBox().getHeight())).isEqualTo(842);
            assertThat(page.getRotation()).isEqualTo(90);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            // header cells wrap over lines: compare with the spaces collapsed
            String text = stripper.getText(pdf).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Kỳ báo cáo: 2026-Q1 (từ ngày 01/01/2026 đến ngày 31/03/2026)")
                    .contains("Sản lượng theo bưu cục")
                    .contains("Bưu cục Trung tâm Hà Nội")
                    .contains("1.135.000")
                    .contains("Trả kết quả cho người nhận 3 1 2 33,3 0 1 1 0")
                    .contains("Khiếu nại theo bưu cục")
                    .contains("Mức độ hài lòng của người dân");
        }
    }

    @Test
    void onlySupervisorsAndWhatIsWrongIsNamed() {
        assertThat(TestApp.status(
                        APP.as("clerk", "/api/reports/volumes?period=2026-Q1").get()))
                .isEqualTo(403);
        expect422("/api/reports/volumes?period=2026-Q5", "period");
        expect422("/api/reports/volumes", "period");
        expect422("/api/reports/volumes?from=2026-03-01&to=2026-02-01", "to");
        expect422("/api/reports/volumes?from=2026-03-01", "to");
        expect422("/api/reports/volumes?period=2026-Q1&from=2026-01-01", "period");
        expect422("/api/reports/complaints?period=2026-Q1", "kind");
        expect422("/api/reports/volumes?period=2026-Q1&format=docx", "format");
        expect422("/api/reports/volumes?period=2026-Q1&format=pdf&to=x", "period");
    }

    private static void expect422(String path, String field) {
        Response res = APP.as("supervisor", path).get();
        assertThat(res.getStatus()).as(path).isEqualTo(422);
        assertThat(json(res).get("field")).as(path).isEqualTo(field);
    }

    private static Map<String, Object> get(String user, String path) {
        Response res = APP.as(user, path).get();
        assertThat(res.getStatus()).as(path).isEqualTo(200);
        return json(res);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> sections(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("sections");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(Map<String, Object> report, String key) {
        return (List<Map<String, Object>>) sections(report).stream()
                .filter(s -> key.equals(s.get("key")))
                .findFirst()
                .orElseThrow()
                .get("rows");
    }

    static Map<String, Object> line(List<Map<String, Object>> rows, String code) {
        return rows.stream()
                .filter(r -> code.equals(r.get("code")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(code));
    }

    static Map<String, Object> total(List<Map<String, Object>> rows) {
        return rows.stream()
                .filter(r -> "Tổng cộng".equals(r.get("name")))
                .findFirst()
                .orElseThrow();
    }
}
