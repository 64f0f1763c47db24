package vn.dossierpost.domain;

import java.time.LocalDate;

/**
 * What the post owes for an item it lost or damaged (QĐ 45/2016 Art. 14; Decree 47/2011 Arts. 24–27):
 * at least four times the postage of the leg it was lost on (which includes paying the postage back),
 * plus every re-issue cost the applicant declares, paid within 30 days of the day the loss was found.
 */
public final class Compensation {
    static final int POSTAGE_MULTIPLE = 4;
    static final int DAYS_TO_PAY = 30;

    private Compensation() {}

    public static long minimum(long legPostage, long reissueCosts) {
        if (legPostage < 0 || reissueCosts < 0) {
            throw new InvalidValueException("postage and re-issue costs must be 0 or more VND");
        }
        return Math.addExact(Math.multiplyExact(POSTAGE_MULTIPLE, legPostage), reissueCosts);
    }

    public static LocalDate payBy(LocalDate foundOn) {
        return foundOn.plusDays(DAYS_TO_PAY);
    }
}
