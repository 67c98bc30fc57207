package dev.edgeforge.cli.training;

import dev.edgeforge.cli.http.RestClient;
import dev.edgeforge.cli.job.JobFollower;
import dev.edgeforge.cli.job.JobOutcome;
import dev.edgeforge.cli.session.Connection;
import dev.edgeforge.cli.session.ConnectionOptions;
import dev.edgeforge.cli.session.ProjectOption;
import dev.edgeforge.cli.session.Terminal;
import dev.edgeforge.cli.session.UsageException;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Trains a model on the project's current features with the impulse's learning block. */
@Command(
        name = "train",
        description = "Train a model on the current features with the impulse's learning block. Prints 'job ID' and "
                + "'model ID'; with --wait follows the log (standard error) until the job ends and prints the "
                + "model's metrics ('name value' lines).")
public final class TrainCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ProjectOption project;

    @Option(names = "--epochs", paramLabel = "N", description = "Training cycles (replaces the impulse's setting).")
    Integer epochs;

    @Option(names = "--learning-rate", paramLabel = "RATE", description = "Learning rate (replaces the setting).")
    Double learningRate;

    @Option(
            names = "--hyperparameters",
            paramLabel = "JSON",
            description = "Other hyperparameters as a JSON object, e.g. '{\"batchSize\": 32, \"seed\": 3}'.")
    String hyperparameters;

    @Option(names = "--name", paramLabel = "NAME", description = "The model's name (default: its kind and time).")
    String name;

    @Option(names = "--wait", description = "Follow the job until it ends; exit code 1 unless it succeeded.")
    boolean await;

    private final Terminal terminal;

    public TrainCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        ObjectNode body = request();
        Connection server = Connection.open(connection, terminal);
        UUID projectId = server.project(project);
        RestClient client = server.client();
        JsonNode started = client.post("/api/v1/projects/" + projectId + "/jobs/train", body);
        UUID jobId = UUID.fromString(RestClient.text(started, "jobId"));
        String modelId = RestClient.text(started, "modelId");
        terminal.out().println("job " + jobId);
        terminal.out().println("model " + modelId);
        terminal.out().flush();
        if (!await) {
            return 0;
        }
        JsonNode job = new JobFollower(client, terminal.err(), terminal.err()).follow(jobId);
        int code = JobOutcome.report(job, terminal.err());
        if (code == 0 && modelId != null) {
            JsonNode model = client.get("/api/v1/projects/" + projectId + "/models/" + modelId);
            Models.printSummary(model.get("summary"), terminal.out());
        }
        return code;
    }

    /** The body: the hyperparameters given (the explicit options win over the JSON's) and the name. */
    ObjectNode request() {
        ObjectNode body = RestClient.JSON.createObjectNode();
        ObjectNode hyper = RestClient.JSON.createObjectNode();
        if (hyperparameters != null) {
            JsonNode given;
            try {
                given = RestClient.JSON.readTree(hyperparameters);
            } catch (JacksonException e) {
                throw new UsageException("--hyperparameters is not JSON: " + e.getOriginalMessage());
            }
            if (!(given instanceof ObjectNode object)) {
                throw new UsageException("--hyperparameters must be a JSON object, e.g. '{\"epochs\": 30}'");
            }
            hyper.setAll(object);
        }
        if (epochs != null) {
            if (epochs < 1) {
                throw new UsageException("--epochs must be at least 1");
            }
            hyper.put("epochs", epochs);
        }
        if (learningRate != null) {
            if (!(learningRate > 0 && Double.isFinite(learningRate))) {
                throw new UsageException("--learning-rate must be a positive number");
            }
            hyper.put("learningRate", learningRate);
        }
        if (!hyper.isEmpty()) {
            body.set("hyperparameters", hyper);
        }
        if (name != null) {
            body.put("name", name);
        }
        return body;
    }
}
