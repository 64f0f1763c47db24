package vn.dossierpost.agencysim;

import java.util.List;

/**
 * Why the simulated agency refuses a dossier or a handover ZIP for good (HTTP 400, or a ZIP moved
 * to {@code rejected/}): one message per thing found wrong, so a failing test says everything at once.
 */
final class Rejection extends Exception {
    private final List<String> problems;

    Rejection(String problem) {
        this(List.of(problem));
    }

    Rejection(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
