package dev.edgeforge.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** A command line picocli cannot parse: the reason and how to get help, without the whole usage text; exit 2. */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException exception, String[] args) {
        CommandLine cli = exception.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("error: " + exception.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(exception, err);
        err.println("see '" + cli.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return EdgeForgeCli.USAGE;
    }
}
