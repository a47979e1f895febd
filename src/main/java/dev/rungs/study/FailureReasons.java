package dev.rungs.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why the failed trials of a study failed: each distinct {@link Trial#FAIL_REASON} with how many
 * trials it ended and the first of them, most frequent first. A command that cannot start fails
 * every trial the same way; this is what tells a person so instead of "20 failed".
 *
 * @param reasons the distinct reasons, most frequent first (ties: the earliest example first)
 */
public record FailureReasons(List<Reason> reasons) {
    /** What a failed trial without a recorded reason counts under. */
    public static final String UNKNOWN = "no reason recorded";

    /**
     * One distinct reason.
     *
     * @param text the reason as recorded
     * @param count how many trials failed with it
     * @param exampleTrial the number of the first of them
     */
    public record Reason(String text, int count, int exampleTrial) {
        /**
         * The reason on one line for a listing, cut to {@code max} characters: its lines joined,
         * without the Java exception name that some reasons start with
         * ({@code CommandFailedException: }), which tells a person nothing.
         */
        public String oneLine(int max) {
            return FailureReasons.oneLine(text, max);
        }
    }

    /** A failure reason on one line, as {@link Reason#oneLine} gives it. */
    public static String oneLine(String reason, int max) {
        String line = EXCEPTION_NAME.matcher(reason.strip()).replaceFirst("").replaceAll(":\\s*\\R\\s*", ": ")
                .replaceAll("\\s*\\R\\s*", "; ");
        line = line.isEmpty() ? UNKNOWN : line;
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    private static final java.util.regex.Pattern EXCEPTION_NAME = java.util.regex.Pattern.compile(
            "^([a-z_$][\\w$]*\\.)*[A-Z][\\w$]*(Exception|Error): ");

    public FailureReasons {
        reasons = List.copyOf(reasons);
    }

    /** The reasons of the FAIL trials among {@code trials}. */
    public static FailureReasons of(List<Trial> trials) {
        Map<String, int[]> byText = new LinkedHashMap<>(); // reason -> {count, first trial}
        trials.stream().filter(t -> t.state() == TrialState.FAIL).sorted(Comparator.comparingInt(Trial::number))
                .forEach(t -> {
                    String text = t.attrs().getOrDefault(Trial.FAIL_REASON, "");
                    int[] seen = byText.computeIfAbsent(text.isBlank() ? UNKNOWN : text,
                            k -> new int[] {0, t.number()});
                    seen[0]++;
                });
        List<Reason> list = new ArrayList<>();
        byText.forEach((text, seen) -> list.add(new Reason(text, seen[0], seen[1])));
        list.sort(Comparator.comparingInt(Reason::count).reversed().thenComparingInt(Reason::exampleTrial));
        return new FailureReasons(list);
    }

    /** Whether no trial failed. */
    public boolean isEmpty() {
        return reasons.isEmpty();
    }

    /** Failed trials in all. */
    public int failed() {
        return reasons.stream().mapToInt(Reason::count).sum();
    }
}
