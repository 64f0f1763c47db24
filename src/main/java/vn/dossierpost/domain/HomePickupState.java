package vn.dossierpost.domain;

/**
 * A home pickup booking: booked; moved once to a new window after nobody was home (RESCHEDULED);
 * then either the dossier was received there (PICKED_UP) or, after a second visit nobody answered,
 * CANCELLED.
 */
public enum HomePickupState {
    BOOKED,
    RESCHEDULED,
    PICKED_UP,
    CANCELLED;

    /** The courier still has to go. */
    public boolean open() {
        return this == BOOKED || this == RESCHEDULED;
    }
}
