package dev.edgeforge.cli.job;

import dev.edgeforge.cli.http.RestClient;
import dev.edgeforge.cli.session.Connection;
import dev.edgeforge.cli.session.ConnectionOptions;
import dev.edgeforge.cli.session.Terminal;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** Jobs of any kind (features, train, test, compress, deploy): follow the log, read the state, cancel. */
@Command(
        name = "jobs",
        description = "Follow, read or cancel a job.",
        subcommands = {JobsCommand.Logs.class, JobsCommand.Get.class, JobsCommand.Cancel.class})
public final class JobsCommand {

    /** Prints the log from its first line and follows it until the job ends; exit 1 unless it succeeded. */
    @Command(
            name = "logs",
            description = "Print a job's log and follow it until the job ends (reconnects when the stream drops); "
                    + "exit code 0 only when the job succeeded.")
    public static final class Logs implements Callable<Integer> {

        @Mixin
        ConnectionOptions connection;

        @Parameters(paramLabel = "JOB_ID", description = "The job's id.")
        UUID jobId;

        private final Terminal terminal;

        public Logs(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            RestClient client = Connection.open(connection, terminal).signedIn();
            JsonNode job = new JobFollower(client, terminal.out(), terminal.err()).follow(jobId);
            return JobOutcome.report(job, terminal.err());
        }
    }

    /** Prints the job as JSON. */
    @Command(name = "get", description = "Print a job (state, progress, error, result) as JSON.")
    public static final class Get implements Callable<Integer> {

        @Mixin
        ConnectionOptions connection;

        @Parameters(paramLabel = "JOB_ID", description = "The job's id.")
        UUID jobId;

        private final Terminal terminal;

        public Get(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            RestClient client = Connection.open(connection, terminal).signedIn();
            JsonNode job = client.get("/api/v1/jobs/" + jobId);
            terminal.out()
                    .println(RestClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(job));
            return 0;
        }
    }

    /** Asks the job to stop; the worker honours it within seconds. */
    @Command(name = "cancel", description = "Ask a job to stop.")
    public static final class Cancel implements Callable<Integer> {

        @Mixin
        ConnectionOptions connection;

        @Parameters(paramLabel = "JOB_ID", description = "The job's id.")
        UUID jobId;

        private final Terminal terminal;

        public Cancel(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            RestClient client = Connection.open(connection, terminal).signedIn();
            JsonNode job = client.post("/api/v1/jobs/" + jobId + "/cancel", "");
            terminal.err().printf("cancel requested; the job is %s%n", RestClient.text(job, "state"));
            return 0;
        }
    }
}
