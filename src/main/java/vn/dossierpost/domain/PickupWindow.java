package vn.dossierpost.domain;

import java.time.LocalTime;

/** The half-day a courier comes to collect a dossier at home, within the office's hours. */
public enum PickupWindow {
    MORNING("buổi sáng", LocalTime.of(7, 30), LocalTime.of(11, 30)),
    AFTERNOON("buổi chiều", LocalTime.of(13, 30), LocalTime.of(17, 0));

    private final String labelVi;
    private final LocalTime from;
    private final LocalTime until;

    PickupWindow(String labelVi, LocalTime from, LocalTime until) {
        this.labelVi = labelVi;
        this.from = from;
        this.until = until;
    }

    public String labelVi() {
        return labelVi;
    }

    /** When the window is over: a booking for it can no longer be made. */
    public LocalTime until() {
        return until;
    }

    /** "buổi sáng (7:30–11:30)", as messages and pages say it. */
    public String describe() {
        return labelVi + " (" + from.getHour() + ":" + two(from.getMinute()) + "–" + until.getHour() + ":"
                + two(until.getMinute()) + ")";
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
