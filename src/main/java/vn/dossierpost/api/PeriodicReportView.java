package vn.dossierpost.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A periodic report (TT 17/2017 Arts. 13–14) for {@code from}–{@code to}, both days included: its
 * sections, each a table whose rows map a column's {@code key} to a number (counts, VND) or a text
 * (codes, names). {@code officeCode}: the one office it is confined to, null for the whole network.
 * A table's last row, adding up the others, also holds {@code "total": true}. A section may carry a
 * {@code note} (with no columns: a text instead of a table).
 */
public record PeriodicReportView(
        String kind,
        String title,
        String period,
        LocalDate from,
        LocalDate to,
        String officeCode,
        String officeName,
        List<Section> sections) {

    public record Section(
            String key, String title, List<Column> columns, List<Map<String, Object>> rows, String note) {}

    /** {@code number}: the column holds numbers (a spreadsheet keeps them as numbers). */
    public record Column(String key, String label, boolean number) {}
}
