package dev.rungs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rungs} command line: run studies headless, for servers and scripts. */
@Command(name = "rungs", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Hyperparameter tuning from the command line.",
        subcommands = {RunCommand.class, CommandLine.HelpCommand.class})
public final class RungsCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status (0 ok, 1 failed, 2 bad usage). */
    public static int execute(String... args) {
        return new CommandLine(new RungsCli()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
