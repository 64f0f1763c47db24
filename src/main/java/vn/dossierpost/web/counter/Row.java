package vn.dossierpost.web.counter;

import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.dossierpost.service.counter.DossierLine;

/** A dossier line as the counter's pages print it: the link to the dossier and its time as dd/MM/yyyy HH:mm (in the zone the service gave it). */
public record Row(
        String code,
        String href,
        String s10Number,
        String applicantName,
        String procedureName,
        String statusLabel,
        String when,
        String note) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    static Row of(DossierLine l) {
        return new Row(
                l.code(),
                "/counter/ho-so/" + l.code(),
                l.s10Number(),
                l.applicantName(),
                l.procedureName(),
                l.statusLabel(),
                l.at() == null ? "" : WHEN.format(l.at()),
                l.note());
    }

    Row at(String otherHref) {
        return new Row(code, otherHref, s10Number, applicantName, procedureName, statusLabel, when, note);
    }

    static List<Row> of(List<DossierLine> lines) {
        return lines.stream().map(Row::of).toList();
    }
}
