package dev.edgeforge.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * Runs the last command of the line; a command that is only a group of subcommands ({@code jobs}, {@code impulse},
 * the CLI itself) named without one prints its usage and exits 2.
 */
final class MissingSubcommand implements CommandLine.IExecutionStrategy {

    @Override
    public int execute(CommandLine.ParseResult parseResult) {
        Integer help = CommandLine.executeHelpRequest(parseResult);
        if (help != null) {
            return help;
        }
        CommandLine.ParseResult last = parseResult;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        CommandLine command = last.commandSpec().commandLine();
        Object user = command.getCommand();
        boolean runnable = user instanceof Runnable || user instanceof Callable;
        if (!runnable) {
            command.getErr().println("error: name a command");
            command.usage(command.getErr());
            command.getErr().flush();
            return EdgeForgeCli.USAGE;
        }
        return new CommandLine.RunLast().execute(parseResult);
    }
}
