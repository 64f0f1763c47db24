package vn.dossierpost.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A counter's day: money taken per clerk and method (PAID), paid back (REFUNDED), and what is still
 * open in the office (PENDING transfers and cards, HELD transfers), with the cash in the drawer
 * (cash taken less cash refunded) and who closed the day.
 */
public record CounterDayView(
        String officeCode,
        LocalDate day,
        List<Line> lines,
        long cashInDrawer,
        long vietQrConfirmed,
        long vietQrPending,
        String closedBy,
        OffsetDateTime closedAt) {
    public record Line(String takenBy, String method, String state, int dossiers, long amount) {}
}
