package vn.dossierpost.api;

import java.time.LocalDate;
import java.util.List;

/**
 * What a citizen who booked a home pickup on the public form is answered: the booking's code, the
 * window, the office that comes, and the documents to have ready (the procedure's list).
 */
public record PublicBooking(
        String code,
        LocalDate date,
        String window,
        String windowText,
        String officeCode,
        String procedureName,
        List<ProcedureView.Document> documents) {

    public static PublicBooking of(HomePickupView v) {
        return new PublicBooking(
                v.code(), v.date(), v.window(), v.windowText(), v.officeCode(), v.procedureName(), v.documents());
    }
}
