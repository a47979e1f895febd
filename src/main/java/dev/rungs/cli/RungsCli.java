package dev.rungs.cli;

import dev.rungs.spec.SpecException;
import dev.rungs.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rungs} command line: run studies headless, for servers and scripts. */
@Command(name = "rungs", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Hyperparameter tuning from the command line.",
        subcommands = {RunCommand.class, ResumeCommand.class, ListCommand.class, ShowCommand.class,
                ExportCommand.class, DeleteCommand.class, CommandLine.HelpCommand.class})
public final class RungsCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status (0 ok, 1 failed, 2 bad usage). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The command line with Rungs' error handling: a person's mistake prints one line, not a stack trace. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RungsCli());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            String what = e instanceof SpecException ? "bad spec: " : "";
            if (e instanceof CliException || e instanceof SpecException || e instanceof StoreException
                    || e instanceof java.io.IOException) {
                line.getErr().println("rungs: " + what + e.getMessage());
                line.getErr().flush();
                return e instanceof StoreException || e instanceof java.io.IOException ? 1 : 2;
            }
            throw e;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
