package dev.rungs.store.sqlite;

import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/** A process that is set up like the launchers and then logs as Smile does, for {@link ProcessSetupTest}. */
public final class LogChild {
    private LogChild() {
    }

    public static void main(String[] args) {
        ProcessSetup.prepare(Path.of(args[0]), true);
        LoggerFactory.getLogger("smile.regression.Test").warn("a third-party warning");
        System.out.println("done");
    }
}
