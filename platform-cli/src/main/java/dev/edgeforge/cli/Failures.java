package dev.edgeforge.cli;

import dev.edgeforge.cli.http.ApiProblem;
import dev.edgeforge.cli.http.UnreachableServerException;
import dev.edgeforge.cli.session.CliFailure;
import dev.edgeforge.cli.session.Terminal;
import dev.edgeforge.cli.session.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/** Turns what a command throws into one message on standard error and its exit code; never a stack trace. */
final class Failures implements CommandLine.IExecutionExceptionHandler {

    private final Terminal terminal;

    Failures(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public int handleExecutionException(
            Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (exception instanceof UsageException) {
            terminal.err().println("error: " + exception.getMessage());
            terminal.err().println("see '" + commandLine.getCommandSpec().qualifiedName() + " --help'");
            return EdgeForgeCli.USAGE;
        }
        String message;
        if (exception instanceof ApiProblem problem) {
            message = "the platform answered " + problem.status() + " " + problem.getMessage();
        } else if (exception instanceof UnreachableServerException
                || exception instanceof CliFailure
                || exception instanceof IllegalStateException) {
            message = exception.getMessage();
        } else if (exception instanceof UncheckedIOException io) {
            message = io.getMessage() + ": " + io.getCause().getMessage();
        } else if (exception instanceof IOException) {
            message = exception.toString();
        } else {
            message = "unexpected " + exception;
        }
        terminal.err().println("error: " + message);
        terminal.err().flush();
        return EdgeForgeCli.FAILED;
    }
}
