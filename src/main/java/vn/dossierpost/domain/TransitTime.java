package vn.dossierpost.domain;

/**
 * The quality target for one leg on one route class (Circular 17/2017/TT-BTTTT Art. 7): J + n
 * working days, and a longer n when the agency's appointment slip must also be brought back to the
 * applicant. The numbers are reference data, not constants.
 */
public record TransitTime(int days, int daysWithAppointmentSlip) {

    public TransitTime {
        if (days < 0) {
            throw new InvalidValueException("days must be 0 or more");
        }
        if (daysWithAppointmentSlip < days) {
            throw new InvalidValueException("days with appointment slip must be at least days (" + days + ")");
        }
    }

    public int days(boolean withAppointmentSlip) {
        return withAppointmentSlip ? daysWithAppointmentSlip : days;
    }
}
