package vn.dossierpost.domain;

import static vn.dossierpost.domain.DossierStatus.*;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one table of allowed status changes. Every change of a dossier's status is checked here,
 * whoever asks (counter, courier, agency event, handover job).
 *
 * <p>The table does not know the service form: for a {@code SEND_ONLY} dossier the post's work ends
 * at {@code RESULT_READY} or {@code REFUSED}, which are not terminal here because a
 * {@code SEND_AND_RETURN} dossier goes on to the return leg.
 */
public final class DossierTransitions {

    private static final Map<DossierStatus, Set<DossierStatus>> NEXT = new EnumMap<>(DossierStatus.class);

    static {
        allow(RECEIVED, DIGITISED, WITHDRAWN);
        allow(DIGITISED, IN_TRANSIT_TO_AGENCY, WITHDRAWN);
        // back to DIGITISED: the handover was given up and the dossier waits for the next one
        allow(IN_TRANSIT_TO_AGENCY, DELIVERED_TO_AGENCY, DIGITISED);
        allow(DELIVERED_TO_AGENCY, IN_PROCESSING, SUPPLEMENT_REQUESTED, REFUSED, RESULT_READY);
        allow(IN_PROCESSING, SUPPLEMENT_REQUESTED, REFUSED, RESULT_READY);
        allow(SUPPLEMENT_REQUESTED, IN_TRANSIT_TO_AGENCY, WITHDRAWN);
        // a refusal notice goes back to the applicant on the return leg like a result
        allow(REFUSED, RESULT_COLLECTED);
        allow(AWAITING_RESULT, RESULT_READY, WITHDRAWN);
        allow(RESULT_READY, RESULT_COLLECTED);
        allow(RESULT_COLLECTED, OUT_FOR_DELIVERY, HELD_AT_OFFICE);
        allow(OUT_FOR_DELIVERY, DELIVERED, DELIVERY_FAILED);
        allow(DELIVERY_FAILED, OUT_FOR_DELIVERY, HELD_AT_OFFICE, RETURNED_TO_AGENCY);
        allow(HELD_AT_OFFICE, DELIVERED, RETURNED_TO_AGENCY);
        allow(DELIVERED);
        allow(RETURNED_TO_AGENCY);
        allow(WITHDRAWN);
        for (DossierStatus s : DossierStatus.values()) {
            if (!NEXT.containsKey(s)) {
                throw new IllegalStateException("transition table misses " + s);
            }
        }
    }

    private DossierTransitions() {}

    private static void allow(DossierStatus from, DossierStatus... to) {
        Set<DossierStatus> next = EnumSet.noneOf(DossierStatus.class);
        Collections.addAll(next, to);
        NEXT.put(from, Collections.unmodifiableSet(next));
    }

    /** The statuses a dossier in {@code from} may move to, in declaration order; empty when terminal. */
    public static Set<DossierStatus> allowedFrom(DossierStatus from) {
        return NEXT.get(from);
    }

    public static boolean allowed(DossierStatus from, DossierStatus to) {
        return allowedFrom(from).contains(to);
    }

    /** Throws {@link IllegalTransitionException} unless {@code from → to} is in the table. */
    public static void check(DossierStatus from, DossierStatus to) {
        if (!allowed(from, to)) {
            throw new IllegalTransitionException(from, to, allowedFrom(from));
        }
    }

    /** The status a new dossier starts in: the counter accepts it, or for RETURN_ONLY it waits for the result. */
    public static DossierStatus initialStatus(ServiceForm form) {
        return form == ServiceForm.RETURN_ONLY ? AWAITING_RESULT : RECEIVED;
    }
}
