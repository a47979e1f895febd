package dev.rungs.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default database file of each operating system, tested on any machine. */
class StoreLocationTest {
    static final Path HOME = Path.of("/home/ada");

    @Test
    void linuxUsesXdgDataHomeWhenItIsAnAbsolutePath() {
        assertEquals(Path.of("/data/ada/rungs/rungs.db"),
                StoreLocation.defaultFile("Linux", Map.of("XDG_DATA_HOME", "/data/ada"), HOME));
    }

    @Test
    void linuxFallsBackToLocalShare() {
        Path expected = Path.of("/home/ada/.local/share/rungs/rungs.db");
        assertEquals(expected, StoreLocation.defaultFile("Linux", Map.of(), HOME));
        assertEquals(expected, StoreLocation.defaultFile("Linux", Map.of("XDG_DATA_HOME", ""), HOME));
        // the XDG spec says a relative value is to be ignored
        assertEquals(expected, StoreLocation.defaultFile("Linux", Map.of("XDG_DATA_HOME", "relative/dir"), HOME));
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertEquals(Path.of("/home/ada/Library/Application Support/Rungs/rungs.db"),
                StoreLocation.defaultFile("Mac OS X", Map.of("XDG_DATA_HOME", "/ignored"), HOME));
    }

    @Test
    void windowsUsesAppData() {
        String appData = "C:\\Users\\ada\\AppData\\Roaming";
        assertEquals(Path.of(appData).resolve("Rungs").resolve("rungs.db"),
                StoreLocation.defaultFile("Windows 11", Map.of("APPDATA", appData), HOME));
        assertEquals(HOME.resolve("AppData/Roaming/Rungs/rungs.db"),
                StoreLocation.defaultFile("Windows 10", Map.of(), HOME));
    }

    @Test
    void thisMachinesDefaultIsAnAbsoluteRungsDb() {
        Path f = StoreLocation.defaultFile();
        assertTrue(f.isAbsolute(), f.toString());
        assertEquals("rungs.db", f.getFileName().toString());
    }
}
