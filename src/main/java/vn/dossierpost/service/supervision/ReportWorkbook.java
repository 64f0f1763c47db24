package vn.dossierpost.service.supervision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.dossierpost.api.PeriodicReportView;
import vn.dossierpost.api.PeriodicReportView.Column;
import vn.dossierpost.api.PeriodicReportView.Section;

/**
 * A periodic report as an XLSX workbook: a first sheet saying what the report is, then one sheet per
 * section (named by its title, which is kept under Excel's 31 characters), the header row bold and
 * counts and amounts as numbers, so the ministry's staff can add them up themselves.
 */
final class ReportWorkbook {
    private static final String ABOUT = "Thông tin";

    private ReportWorkbook() {}

    static byte[] write(PeriodicReportView report) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle header = book.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            about(book.createSheet(ABOUT), report, header);
            for (Section section : report.sections()) {
                section(book.createSheet(section.title()), section, header);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report workbook", e);
        }
    }

    private static void about(Sheet sheet, PeriodicReportView r, CellStyle header) {
        List<String[]> lines = List.of(
                new String[] {"Báo cáo", r.title()},
                new String[] {"Kỳ báo cáo", r.period()},
                new String[] {"Từ ngày", r.from().toString()},
                new String[] {"Đến ngày", r.to().toString()},
                new String[] {
                    "Phạm vi", r.officeCode() == null ? "Toàn mạng lưới" : r.officeName() + " (" + r.officeCode() + ")"
                });
        for (int i = 0; i < lines.size(); i++) {
            Row row = sheet.createRow(i);
            row.createCell(0).setCellValue(lines.get(i)[0]);
            row.getCell(0).setCellStyle(header);
            row.createCell(1).setCellValue(lines.get(i)[1]);
        }
        sheet.setColumnWidth(0, 20 * 256);
        sheet.setColumnWidth(1, 90 * 256);
    }

    private static void section(Sheet sheet, Section section, CellStyle header) {
        if (section.columns().isEmpty()) {
            sheet.createRow(0).createCell(0).setCellValue(section.note());
            sheet.setColumnWidth(0, 120 * 256);
            return;
        }
        List<Column> columns = section.columns();
        Row head = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            head.createCell(c).setCellValue(columns.get(c).label());
            head.getCell(c).setCellStyle(header);
            sheet.setColumnWidth(c, (columns.get(c).key().equals("name") ? 48 : 18) * 256);
        }
        int r = 1;
        for (Map<String, Object> line : section.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < columns.size(); c++) {
                Object value = line.get(columns.get(c).key());
                if (value instanceof Number n) {
                    row.createCell(c).setCellValue(n.doubleValue());
                } else if (value != null) {
                    row.createCell(c).setCellValue(value.toString());
                }
            }
        }
        sheet.createFreezePane(0, 1);
    }
}
