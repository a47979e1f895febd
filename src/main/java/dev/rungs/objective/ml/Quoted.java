package dev.rungs.objective.ml;

import java.util.ArrayList;
import java.util.List;

/**
 * How dataset messages quote what a file holds: a cell or a name can be any length (a broken
 * quote once swallowed 200,000 characters into one field), and a message is one readable line,
 * so only a short prefix is shown, followed by the full length.
 */
final class Quoted {
    /** Characters of a value a message shows. */
    static final int PREFIX = 40;
    /** Names a list of columns shows. */
    static final int NAMES = 20;

    private Quoted() {
    }

    /** {@code 'v'}, or {@code 'its first 40 characters…' (200000 characters)}. */
    static String value(String v) {
        return "'" + shortened(v) + "'" + (v.length() > PREFIX ? " (" + v.length() + " characters)" : "");
    }

    /** Where a cell is, for the start of a message: {@code data.csv line 7, column 'price'}. */
    static String cell(String where, long line, String column) {
        return where + " line " + line + ", column " + value(column);
    }

    /** {@code v} itself when short, else its prefix and "…"; for names inside running text. */
    static String shortened(String v) {
        return v.length() <= PREFIX ? v : v.substring(0, PREFIX) + "…";
    }

    /** Column names joined with ", ", each shortened, at most {@link #NAMES} of them. */
    static String names(List<String> names) {
        List<String> shown = new ArrayList<>();
        for (String n : names.subList(0, Math.min(NAMES, names.size()))) {
            shown.add(shortened(n));
        }
        String more = names.size() > NAMES ? " and " + (names.size() - NAMES) + " more" : "";
        return String.join(", ", shown) + more;
    }
}
