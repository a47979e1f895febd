package dev.rungs.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the workbench remembers between sessions: the window's size, the last database, and
 * per database the studies whose tabs were open.
 *
 * <p>An interface so that tests run against an in-memory copy and never touch the person's own
 * settings.
 */
public interface AppPreferences {
    /** Key of the last database file opened. */
    String LAST_DATABASE = "lastDatabase";
    /** Key of the window's width. */
    String WINDOW_WIDTH = "windowWidth";
    /** Key of the window's height. */
    String WINDOW_HEIGHT = "windowHeight";
    /** Start of the keys of the open study tabs, one key per database ({@link #openStudiesKey}). */
    String OPEN_STUDIES = "openStudies-";

    /**
     * The key under which the ids of the studies open in tabs are kept for {@code database}, as
     * a comma-separated list. A digest of the file's path, since a preferences key holds at most
     * 80 characters and a path may have more.
     */
    static String openStudiesKey(Path database) {
        String path = database.toAbsolutePath().normalize().toString();
        return OPEN_STUDIES + UUID.nameUUIDFromBytes(path.getBytes(StandardCharsets.UTF_8));
    }

    /** The value stored under {@code key}, if any. */
    Optional<String> get(String key);

    /** Stores {@code value} under {@code key}. */
    void put(String key, String value);

    /** The stored number under {@code key}, or {@code fallback} when there is none or it is not a number. */
    default double getDouble(String key, double fallback) {
        try {
            return get(key).map(Double::parseDouble).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The person's own preferences (java.util.prefs, per user). */
    static AppPreferences user() {
        Preferences node = Preferences.userRoot().node("dev/rungs/workbench");
        return new AppPreferences() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(node.get(key, null));
            }

            @Override
            public void put(String key, String value) {
                node.put(key, value);
                try {
                    node.flush();
                } catch (BackingStoreException e) {
                    // Not remembering a window size is no reason to bother the person.
                }
            }
        };
    }

    /** Preferences that last as long as the object: for tests. */
    static AppPreferences inMemory() {
        Map<String, String> values = new ConcurrentHashMap<>();
        return new AppPreferences() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(values.get(key));
            }

            @Override
            public void put(String key, String value) {
                values.put(key, value);
            }
        };
    }
}
