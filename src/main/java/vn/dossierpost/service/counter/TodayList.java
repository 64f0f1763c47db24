package vn.dossierpost.service.counter;

import java.util.List;

/** The first rows of one of the counter's lists and how many there are in all. */
public record TodayList(List<DossierLine> lines, long total) {
    /** How many rows a list shows at most; the count says how many more there are. */
    public static final int SHOWN = 20;

    public boolean more() {
        return total > lines.size();
    }
}
