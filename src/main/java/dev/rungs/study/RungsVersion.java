package dev.rungs.study;

/** The version of Rungs that is running, stored with every study as provenance. */
public final class RungsVersion {
    /** Read from the jar manifest when packaged; the source version otherwise. */
    public static final String VERSION = versionFromManifest();

    private RungsVersion() {
    }

    private static String versionFromManifest() {
        String v = RungsVersion.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }
}
