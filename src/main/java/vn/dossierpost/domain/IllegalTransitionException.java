package vn.dossierpost.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A status change that the transition table does not allow; carries what is allowed instead. */
public class IllegalTransitionException extends RuntimeException {

    private final DossierStatus from;
    private final DossierStatus to;
    private final Set<DossierStatus> allowed;

    public IllegalTransitionException(DossierStatus from, DossierStatus to, Set<DossierStatus> allowed) {
        super("dossier is " + from + "; " + from + " → " + to + " is not allowed; allowed next: "
                + (allowed.isEmpty() ? "none" : allowed.stream().map(Enum::name).collect(Collectors.joining(", "))));
        this.from = from;
        this.to = to;
        Set<DossierStatus> copy = EnumSet.noneOf(DossierStatus.class);
        copy.addAll(allowed);
        this.allowed = Collections.unmodifiableSet(copy);
    }

    public DossierStatus from() {
        return from;
    }

    public DossierStatus to() {
        return to;
    }

    public Set<DossierStatus> allowed() {
        return allowed;
    }
}
