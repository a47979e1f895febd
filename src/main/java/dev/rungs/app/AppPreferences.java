package dev.rungs.app;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the workbench remembers between sessions: the window's size and the last database.
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
