package dev.rungs.study;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of Rungs that is running, stored with every study as provenance. */
public final class RungsVersion {
    /** The pom's version, written into {@code /dev/rungs/version.properties} when Rungs is built. */
    public static final String VERSION = read();

    private RungsVersion() {
    }

    private static String read() {
        try (InputStream in = RungsVersion.class.getResourceAsStream("/dev/rungs/version.properties")) {
            if (in == null) {
                throw new IllegalStateException("dev/rungs/version.properties is missing: Rungs was not built by Maven");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
