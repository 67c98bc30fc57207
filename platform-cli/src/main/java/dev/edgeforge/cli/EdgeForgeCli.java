package dev.edgeforge.cli;

import dev.edgeforge.cli.account.LoginCommand;
import dev.edgeforge.cli.account.LogoutCommand;
import dev.edgeforge.cli.deploy.DeployCommand;
import dev.edgeforge.cli.impulse.ImpulseCommand;
import dev.edgeforge.cli.job.JobsCommand;
import dev.edgeforge.cli.project.ApiKeysCommand;
import dev.edgeforge.cli.project.ProjectsCommand;
import dev.edgeforge.cli.session.Terminal;
import dev.edgeforge.cli.training.FeaturesCommand;
import dev.edgeforge.cli.training.TestCommand;
import dev.edgeforge.cli.training.TrainCommand;
import dev.edgeforge.cli.tune.TuneCommand;
import dev.edgeforge.cli.upload.UploadCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code edgeforge cli}: the platform's REST API for scripts. Exit codes: 0 done, 1 failed (a file, a job, a refused
 * request, an unreachable server), 2 the command line is wrong.
 */
@Command(
        name = "edgeforge cli",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = CliVersion.class,
        description = "Drive an EdgeForge platform from scripts: sign in, upload data, design, train, test and "
                + "deploy. Every command takes --url and --token or --api-key (env EDGEFORGE_URL, EDGEFORGE_TOKEN, "
                + "EDGEFORGE_API_KEY); project commands take --project (env EDGEFORGE_PROJECT).",
        footer = {"", "Exit codes: 0 done, 1 failed (see the message), 2 wrong command line."},
        subcommands = {
            LoginCommand.class,
            LogoutCommand.class,
            ProjectsCommand.class,
            ApiKeysCommand.class,
            UploadCommand.class,
            ImpulseCommand.class,
            FeaturesCommand.class,
            TrainCommand.class,
            TestCommand.class,
            DeployCommand.class,
            TuneCommand.class,
            JobsCommand.class,
            CommandLine.HelpCommand.class
        })
public final class EdgeForgeCli {

    /** Exit code: the command could not do what was asked. */
    public static final int FAILED = 1;

    /** Exit code: the command line is wrong. */
    public static final int USAGE = 2;

    private EdgeForgeCli() {}

    public static void main(String[] args) {
        System.exit(run(args, Terminal.system()));
    }

    /** Runs one command line and answers its exit code; what it prints goes to the terminal's streams. */
    public static int run(String[] args, Terminal terminal) {
        CommandLine cli = new CommandLine(EdgeForgeCli.class, new CommandFactory(terminal));
        cli.setOut(terminal.out());
        cli.setErr(terminal.err());
        cli.setExecutionExceptionHandler(new Failures(terminal));
        cli.setParameterExceptionHandler(new UsageErrors());
        cli.setExecutionStrategy(new MissingSubcommand());
        int code = cli.execute(args);
        terminal.out().flush();
        terminal.err().flush();
        return code;
    }
}
