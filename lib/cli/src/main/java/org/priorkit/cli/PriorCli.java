package org.priorkit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

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

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of main). */
    public static int execute(String... args) {
        return new CommandLine(new PriorCli()).execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'kit info'");
    }
}
