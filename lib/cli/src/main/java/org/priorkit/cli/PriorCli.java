package org.priorkit.cli;

import org.priorkit.device.Threads;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;

/**
 * The kit's command line: {@code lib/kit <command> [options]}. Each command is a thin shell over
 * the library, so what a command does a notebook or a JBang script can do with the same calls.
 */
@Command(
        name = "kit",
        mixinStandardHelpOptions = true,
        version = "PRIOR kit 0.1.0",
        description = "PRIOR (ICCV 2023) on DJL: data, pretraining, downstream tasks.",
        subcommands = {InfoCommand.class, GenerateCommand.class, PretrainCommand.class, BenchCommand.class,
                RunAllCommand.class, TaskCommands.Classify.class, TaskCommands.ZeroShotCmd.class,
                TaskCommands.Retrieve.class, TaskCommands.Segment.class, TaskCommands.Detect.class,
                CommandLine.HelpCommand.class})
public final class PriorCli implements Runnable {

    /** Exit code of a user's mistake (a bad option value, a missing file): picocli's own usage errors use it too. */
    static final int USER_ERROR = 2;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    // Declares --verbose for every command; execute reads it from the arguments (its handler runs outside them).
    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "on an error, also print where it happened (the stack trace)")
    boolean verbose;

    public static void main(String[] args) {
        Threads.applyKitDefault(); // before the engine loads: one PyTorch thread unless the user chose
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of main). */
    public static int execute(String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        return new CommandLine(new PriorCli()).setExecutionExceptionHandler((e, line, parsed) -> {
            PrintWriter err = line.getErr();
            if (verbose || !isUsersMistake(e)) {
                e.printStackTrace(err);
            } else {
                err.println("kit " + line.getCommandName() + ": " + message(e));
            }
            err.flush();
            return isUsersMistake(e) ? USER_ERROR : 1;
        }).execute(args);
    }

    /**
     * What a user can fix from the message alone: a value the kit refuses (IllegalArgumentException, whose
     * messages name the option, file or field) or a file it cannot read (IOException, naming the path).
     * Anything else is a bug and keeps its stack trace.
     */
    static boolean isUsersMistake(Throwable e) {
        return e instanceof IllegalArgumentException || e instanceof IOException;
    }

    /** The message, with its causes' when they add something ("...: caused by ..."). */
    static String message(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
                sb.append(": ").append(c.getMessage());
            }
        }
        return sb.toString();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'kit info'");
    }
}
