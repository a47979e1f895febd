package dev.rungs.cli;

import dev.rungs.study.RungsVersion;
import picocli.CommandLine;

/** Prints the running version for {@code rungs --version}. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"rungs " + RungsVersion.VERSION};
    }
}
