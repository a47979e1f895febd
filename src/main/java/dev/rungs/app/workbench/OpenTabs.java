package dev.rungs.app.workbench;

import dev.rungs.app.AppPreferences;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which studies had tabs open, per database, kept in the {@link AppPreferences} so they come
 * back after a restart: the ids, in tab order, under {@link AppPreferences#openStudiesKey}.
 */
final class OpenTabs {
    private final AppPreferences preferences;

    OpenTabs(AppPreferences preferences) {
        this.preferences = preferences;
    }

    /** Remembers {@code ids} as the tabs open on {@code database}. */
    void remember(Path database, List<Long> ids) {
        preferences.put(AppPreferences.openStudiesKey(database),
                ids.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    /** The ids remembered for {@code database}, in tab order; none when nothing was. */
    List<Long> saved(Path database) {
        List<Long> ids = new ArrayList<>();
        for (String part : preferences.get(AppPreferences.openStudiesKey(database)).orElse("").split(",")) {
            try {
                ids.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                // an empty list, or a value edited by hand: nothing to reopen
            }
        }
        return ids;
    }
}
