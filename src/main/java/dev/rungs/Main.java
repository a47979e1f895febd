package dev.rungs;

import dev.rungs.study.RungsVersion;
import java.util.Arrays;

/**
 * The one entry point of the runnable jar and the installed app: {@code java -jar rungs.jar}
 * opens the workbench, {@code java -jar rungs.jar cli ARGS} runs the command line (as the
 * installed {@code rungs} command does), {@code --version} prints the version.
 */
public final class Main {
    /** The first argument that sends the rest to the command line. */
    public static final String CLI = "cli";

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(CLI)) {
            dev.rungs.cli.RungsCli.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            System.out.println("rungs " + RungsVersion.VERSION);
            return;
        }
        try {
            Class.forName("javafx.application.Application");
        } catch (ClassNotFoundException e) {
            System.err.println("rungs: the workbench needs JavaFX (javafx-controls, javafx-graphics, javafx-base, "
                    + "javafx-swing for this platform), which is not on the class path; the command line runs "
                    + "without it: java -jar rungs.jar cli --help");
            System.exit(1);
        }
        dev.rungs.app.Launcher.main(args);
    }
}
