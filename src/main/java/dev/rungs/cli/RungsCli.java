package dev.rungs.cli;

import dev.rungs.spec.SpecException;
import dev.rungs.engine.RunFailedException;
import dev.rungs.store.StoreException;
import dev.rungs.store.StoreLocation;
import dev.rungs.store.sqlite.ProcessSetup;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rungs} command line: run studies headless, for servers and scripts. */
@Command(name = "rungs", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Hyperparameter tuning from the command line.",
        footer = {"", RungsCli.EXIT_STATUS},
        subcommands = {RunCommand.class, ResumeCommand.class, ListCommand.class, ShowCommand.class,
                ExportCommand.class, DeleteCommand.class, CommandLine.HelpCommand.class})
public final class RungsCli implements Runnable {
    /** The exit statuses, for every command's help. */
    static final String EXIT_STATUS = "Exit status: 0 done, 1 the run failed (every trial failed, a file could not be"
            + " written, an internal error), 2 bad input (an option, a spec, a database or a study that is wrong).";
    /** Exit status of a finished command. */
    static final int DONE = 0;
    /** Exit status when the run (or writing its output) failed. */
    static final int FAILED = 1;
    /** Exit status for a person's mistake: an option, a file, a spec, a study. */
    static final int BAD_INPUT = 2;

    /**
     * The commands that run studies, where third-party libraries log: these create the data
     * folder for the log file; the others (list, show, export, delete, help) create nothing.
     */
    private static final Set<String> RUNNING_COMMANDS = Set.of("run", "resume");

    /** Where the details of an internal error go; empty when there is no usable data folder (then a temporary file). */
    private static volatile Optional<Path> errorLog = Optional.empty();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        boolean runs = args.length > 0 && RUNNING_COMMANDS.contains(args[0]);
        errorLog = ProcessSetup.prepare(StoreLocation.defaultFile().getParent(), runs)
                .map(folder -> folder.resolve(ProcessSetup.ERROR_LOG));
        // a thread of a library that dies prints one line too, not its stack trace
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            System.err.println("rungs: " + internalError(e) + " (in thread " + t.getName() + ")");
            System.err.flush();
        });
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status (0 done, 1 failed, 2 bad input). */
    public static int execute(String... args) {
        CommandLine cl = commandLine();
        try {
            return cl.execute(args);
        } catch (Error e) { // out of memory, say: picocli hands only Exceptions to the handler
            cl.getErr().println("rungs: " + internalError(e));
            cl.getErr().flush();
            return FAILED;
        }
    }

    /** Sends the details of internal errors to {@code file} (the data folder's error log, or a test's). */
    static void logTo(Path file) {
        errorLog = Optional.ofNullable(file);
    }

    /** The command line with Rungs' error handling: every failure prints one line, never a stack trace. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RungsCli());
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine line = e.getCommandLine();
            String name = line.getCommandName();
            String help = name.equals("rungs") ? "rungs --help" : "rungs help " + name;
            line.getErr().println("rungs: " + oneLine(String.valueOf(e.getMessage())) + " (see `" + help + "`)");
            line.getErr().flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("rungs: " + oneLine(message(e)));
            line.getErr().flush();
            return status(e);
        });
        cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().usageMessage().footer("", EXIT_STATUS));
        return cl;
    }

    private static String message(Exception e) {
        if (e instanceof SpecException) {
            return "bad spec: " + e.getMessage();
        }
        if (e instanceof CliException || e instanceof StoreException || e instanceof IOException
                || e instanceof RunFailedException) {
            return String.valueOf(e.getMessage());
        }
        return internalError(e);
    }

    /** A failure that is nobody's input: one line naming it, the stack trace in the log file. */
    private static String internalError(Throwable e) {
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return "internal error: " + oneLine(what) + detailsIn(e);
    }

    private static int status(Exception e) {
        return e instanceof CliException || e instanceof SpecException ? BAD_INPUT : FAILED;
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    /**
     * Appends the stack trace to the error log and says where it is; without a data folder
     * (a command that only reads, before any study ran) to a new file in the temporary folder.
     */
    private static String detailsIn(Throwable e) {
        try {
            Path log = errorLog.isPresent() ? errorLog.get() : Files.createTempFile("rungs-error-", ".log");
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
                w.println(Instant.now() + " rungs internal error:");
                e.printStackTrace(w);
            }
            return "; details in " + log;
        } catch (IOException | RuntimeException notWritten) {
            return "";
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
