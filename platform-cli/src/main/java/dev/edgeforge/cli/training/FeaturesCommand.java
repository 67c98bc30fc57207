package dev.edgeforge.cli.training;

import dev.edgeforge.cli.http.RestClient;
import dev.edgeforge.cli.job.JobFollower;
import dev.edgeforge.cli.job.JobOutcome;
import dev.edgeforge.cli.session.Connection;
import dev.edgeforge.cli.session.ConnectionOptions;
import dev.edgeforge.cli.session.ProjectOption;
import dev.edgeforge.cli.session.Terminal;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** Starts feature generation for an impulse version (default: the latest saved) and optionally waits for it. */
@Command(
        name = "features",
        description = "Generate the features of the impulse (default: its latest saved version) from every enabled "
                + "sample. Prints 'job ID'; with --wait follows the log (standard error) until the job ends.")
public final class FeaturesCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ProjectOption project;

    @Option(names = "--impulse-version", paramLabel = "N", description = "The impulse version (default: latest).")
    Integer impulseVersion;

    @Option(names = "--wait", description = "Follow the job until it ends; exit code 1 unless it succeeded.")
    boolean await;

    private final Terminal terminal;

    public FeaturesCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        Connection server = Connection.open(connection, terminal);
        UUID projectId = server.project(project);
        RestClient client = server.client();
        String path = "/api/v1/projects/" + projectId + "/jobs/features"
                + (impulseVersion == null ? "" : "?impulseVersion=" + impulseVersion);
        JsonNode started = client.post(path, "");
        UUID jobId = UUID.fromString(RestClient.text(started, "jobId"));
        terminal.out().println("job " + jobId);
        terminal.out().flush();
        if (!await) {
            return 0;
        }
        JsonNode job = new JobFollower(client, terminal.err(), terminal.err()).follow(jobId);
        return JobOutcome.report(job, terminal.err());
    }
}
