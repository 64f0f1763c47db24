package vn.dossierpost.web.counter;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dossierpost.api.CollectionRequest;
import vn.dossierpost.api.FieldProblem;

/**
 * The collection form as the clerk filled it: a few document lines (name, kind, copies; blank lines
 * are left out) and the agency officer who handed the result over. It becomes the API's
 * {@link CollectionRequest}, whose annotations check its shape; a problem found there is shown beside
 * the line it names.
 */
public record CollectionForm(List<Line> lines, String agencyOfficer) {
    /** Lines on an empty form: the result itself and room for originals given back. */
    static final int LINES = 4;

    private static final Pattern ITEM = Pattern.compile("items\\[(\\d+)\\]\\.(\\w+)");

    /** One document line as typed (copies as text: a wrong number comes back as it was typed). */
    public record Line(String name, String kind, String copies) {
        boolean blank() {
            return name.isBlank() && (copies.isBlank() || copies.equals("1"));
        }
    }

    static CollectionForm blank() {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("", "RESULT", "1"));
        while (lines.size() < LINES) {
            lines.add(new Line("", "ORIGINAL_RETURNED", "1"));
        }
        return new CollectionForm(lines, "");
    }

    static CollectionForm of(MultivaluedMap<String, String> sent) {
        List<String> names = list(sent, "name");
        List<String> kinds = list(sent, "kind");
        List<String> copies = list(sent, "copies");
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < Math.max(names.size(), LINES); i++) {
            lines.add(new Line(at(names, i), at(kinds, i).isEmpty() ? "RESULT" : at(kinds, i), at(copies, i)));
        }
        return new CollectionForm(lines, at(list(sent, "agencyOfficer"), 0));
    }

    CollectionRequest toRequest() {
        List<CollectionRequest.Item> items = new ArrayList<>();
        for (Line l : lines) {
            if (!l.blank()) {
                items.add(new CollectionRequest.Item(l.name(), l.kind(), copies(l.copies())));
            }
        }
        return new CollectionRequest(items, agencyOfficer.isBlank() ? null : agencyOfficer);
    }

    /**
     * Each problem under the input it belongs to: {@code name-2} for the third line's name (the
     * request counts only the lines filled in), {@code items} and {@code agencyOfficer} for the rest.
     */
    Map<String, List<String>> inputsOf(List<FieldProblem> problems) {
        List<Integer> filled = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).blank()) {
                filled.add(i);
            }
        }
        Map<String, List<String>> byInput = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            Matcher m = ITEM.matcher(p.field());
            String input = p.field().equals("agencyOfficer") ? "agencyOfficer" : "items";
            if (m.matches() && Integer.parseInt(m.group(1)) < filled.size()) {
                input = m.group(2) + "-" + filled.get(Integer.parseInt(m.group(1)));
            }
            byInput.computeIfAbsent(input, k -> new ArrayList<>()).add(p.message());
        }
        return byInput;
    }

    /** A number the clerk typed; anything else becomes 0, which the request's range check names. */
    private static Integer copies(String typed) {
        try {
            return Integer.valueOf(typed.trim());
        } catch (NumberFormatException e) {
            return typed.isBlank() ? null : 0;
        }
    }

    private static List<String> list(MultivaluedMap<String, String> sent, String key) {
        List<String> values = sent.get(key);
        return values == null ? List.of() : values;
    }

    private static String at(List<String> values, int i) {
        return i < values.size() && values.get(i) != null ? values.get(i) : "";
    }
}
