package dev.edgeforge.cli.job;

import dev.edgeforge.cli.http.RestClient;
import dev.edgeforge.cli.session.Connection;
import dev.edgeforge.cli.session.ConnectionOptions;
import dev.edgeforge.cli.session.ProjectOption;
import dev.edgeforge.cli.session.Terminal;
import dev.edgeforge.cli.session.UsageException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** Jobs of any kind (features, train, test, compress, deploy): follow the log, read the state, cancel. */
@Command(
        name = "jobs",
        description = "List, follow, read or cancel jobs.",
        subcommands = {
            JobsCommand.ListJobs.class,
            JobsCommand.Logs.class,
            JobsCommand.Get.class,
            JobsCommand.Cancel.class
        })
public final class JobsCommand {

    /** One line per job of the project, newest first: id, type, state, progress, created. */
    @Command(
            name = "list",
            description = "List the project's jobs, newest first: one tab-separated line each (id, type, state, "
                    + "progress in %, created at).")
    public static final class ListJobs implements Callable<Integer> {

        @Mixin
        ConnectionOptions connection;

        @Mixin
        ProjectOption project;

        @Option(
                names = "--type",
                paramLabel = "TYPE",
                description = "Only jobs of this type: features, train, test, compress or deploy.")
        String type;

        @Option(
                names = "--limit",
                paramLabel = "N",
                defaultValue = "50",
                description = "At most N jobs, 1 to 500 (default ${DEFAULT-VALUE}).")
        int limit;

        private final Terminal terminal;

        public ListJobs(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            if (limit < 1 || limit > 500) {
                throw new UsageException("--limit must be between 1 and 500, not " + limit);
            }
            Connection server = Connection.open(connection, terminal);
            UUID projectId = server.project(project);
            String path = "/api/v1/projects/" + projectId + "/jobs?limit=" + limit
                    + (type == null || type.isBlank()
                            ? ""
                            : "&type=" + URLEncoder.encode(type.strip(), StandardCharsets.UTF_8));
            for (JsonNode job : server.client().get(path)) {
                terminal.out()
                        .printf(
                                Locale.ROOT,
                                "%s\t%s\t%s\t%.0f\t%s%n",
                                RestClient.text(job, "id"),
                                RestClient.text(job, "type"),
                                RestClient.text(job, "state"),
                                job.path("progress").asDouble() * 100,
                                RestClient.text(job, "createdAt"));
            }
            return 0;
        }
    }

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
    @Command(
            name = "get",
            description = "Print a job (state, progress, attempts, error, result summary) as JSON; with --payload or "
                    + "--result, what it was given or its whole result.")
    public static final class Get implements Callable<Integer> {

        @Mixin
        ConnectionOptions connection;

        @Parameters(paramLabel = "JOB_ID", description = "The job's id.")
        UUID jobId;

        @Option(names = "--payload", description = "Print what the job was given instead.")
        boolean payload;

        @Option(names = "--result", description = "Print the job's whole result instead.")
        boolean result;

        private final Terminal terminal;

        public Get(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            RestClient client = Connection.open(connection, terminal).signedIn();
            String path = "/api/v1/jobs/" + jobId + (payload ? "/payload" : result ? "/result" : "");
            JsonNode job = client.get(path);
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
