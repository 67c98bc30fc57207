package dev.edgeforge.cli.training;

import dev.edgeforge.cli.http.RestClient;
import dev.edgeforge.cli.job.JobFollower;
import dev.edgeforge.cli.job.JobOutcome;
import dev.edgeforge.cli.session.Connection;
import dev.edgeforge.cli.session.ConnectionOptions;
import dev.edgeforge.cli.session.ProjectOption;
import dev.edgeforge.cli.session.Terminal;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** Tests a ready model on the project's current test features. */
@Command(
        name = "test",
        description = "Test a model (default: the newest ready one) on the current test features. Prints 'job ID'; "
                + "with --wait follows the log (standard error) and prints the test metrics ('name value' lines).")
public final class TestCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ProjectOption project;

    @Option(names = "--model", paramLabel = "ID", description = "The model (default: the newest ready one).")
    UUID modelId;

    @Option(names = "--wait", description = "Follow the job until it ends; exit code 1 unless it succeeded.")
    boolean await;

    private final Terminal terminal;

    public TestCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        Connection server = Connection.open(connection, terminal);
        UUID projectId = server.project(project);
        RestClient client = server.client();
        UUID model = Models.chosenOrLatestReady(client, projectId, modelId);
        JsonNode started =
                client.post("/api/v1/projects/" + projectId + "/jobs/test", Map.of("modelId", model.toString()));
        UUID jobId = UUID.fromString(RestClient.text(started, "jobId"));
        terminal.out().println("job " + jobId);
        terminal.out().println("model " + model);
        terminal.out().flush();
        if (!await) {
            return 0;
        }
        JsonNode job = new JobFollower(client, terminal.err(), terminal.err()).follow(jobId);
        int code = JobOutcome.report(job, terminal.err());
        if (code == 0) {
            // the job as polled carries a summary only; the whole result has its own endpoint
            JsonNode result = client.get("/api/v1/jobs/" + jobId + "/result");
            Models.printSummary(result.get("summary"), terminal.out());
        }
        return code;
    }
}
