package vn.dossierpost.db;

import java.util.List;

/**
 * A catalogue that cannot be imported. Each problem names the entry and the field, as a path into the
 * file ({@code procedures[3].components[1].form: must be ORIGINAL or COPY}), so whoever edits the file
 * can find it. Nothing has been written when this is thrown.
 */
public final class CatalogueException extends RuntimeException {
    private final List<String> problems;

    public CatalogueException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public CatalogueException(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
    }

    /** Every problem found, in file order; the message shows them all. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        return "catalogue refused (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "): "
                + String.join("; ", problems);
    }
}
