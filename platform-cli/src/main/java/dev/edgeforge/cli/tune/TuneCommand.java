package dev.edgeforge.cli.tune;

import dev.edgeforge.cli.http.RestClient;
import dev.edgeforge.cli.job.JobFollower;
import dev.edgeforge.cli.job.JobOutcome;
import dev.edgeforge.cli.session.Connection;
import dev.edgeforge.cli.session.ConnectionOptions;
import dev.edgeforge.cli.session.ProjectOption;
import dev.edgeforge.cli.session.Terminal;
import dev.edgeforge.cli.session.UsageException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Starts a tune job ({@code POST .../jobs/tune}); with {@code --wait} follows it, waits for its finalists to be
 * measured in QEMU and prints the candidate table. {@code tune show JOB} prints the table of an earlier search,
 * {@code tune apply JOB CANDIDATE} saves a candidate as the project's impulse.
 */
@Command(
        name = "tune",
        description = "Search windows, DSP blocks and networks that fit a board's budget. Prints 'job ID'; with --wait "
                + "follows the log (standard error), waits until the best candidates were measured in QEMU and "
                + "prints one tab-separated line per candidate, best first: id, validation accuracy, latency ms, "
                + "RAM bytes, flash bytes, fits (yes or over:…), measured or estimated, description.",
        subcommands = {TuneCommand.Show.class, TuneCommand.Apply.class})
public final class TuneCommand implements Callable<Integer> {

    /** How often the measurement's state is asked for while it runs. */
    static final Duration POLL = Duration.ofSeconds(2);

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ProjectOption project;

    @Option(names = "--target", paramLabel = "BOARD", description = "The board (see GET /api/v1/targets). Required.")
    String target;

    @Option(names = "--max-latency-ms", paramLabel = "MS", description = "Latency limit (default: none).")
    Double maxLatencyMs;

    @Option(names = "--max-ram", paramLabel = "BYTES", description = "RAM limit (default: the board's RAM).")
    Long maxRam;

    @Option(names = "--max-flash", paramLabel = "BYTES", description = "Flash limit (default: the board's flash).")
    Long maxFlash;

    @Option(
            names = "--budget-minutes",
            paramLabel = "MIN",
            defaultValue = "10",
            description = "How long the search may run (default ${DEFAULT-VALUE}).")
    double budgetMinutes;

    @Option(names = "--objective", paramLabel = "accuracy|latency", description = "What to rank by (accuracy).")
    String objective;

    @Option(names = "--seed", paramLabel = "N", description = "The search's seed (the same seed, the same search).")
    Long seed;

    @Option(names = "--wait", description = "Follow the job and print the candidates; exit 1 unless it succeeded.")
    boolean await;

    private final Terminal terminal;

    public TuneCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        ObjectNode body = request();
        Connection server = Connection.open(connection, terminal);
        UUID projectId = server.project(project);
        RestClient client = server.client();
        JsonNode started = client.post("/api/v1/projects/" + projectId + "/jobs/tune", body);
        UUID jobId = UUID.fromString(RestClient.text(started, "jobId"));
        terminal.out().println("job " + jobId);
        terminal.out().flush();
        terminal.err()
                .printf(
                        "tuning for %s from the %s, %d training samples%n",
                        RestClient.text(started, "target"),
                        RestClient.text(started, "startsFrom"),
                        started.path("samples").asInt());
        terminal.err().flush();
        if (!await) {
            return 0;
        }
        JsonNode job = new JobFollower(client, terminal.err(), terminal.err()).follow(jobId);
        int code = JobOutcome.report(job, terminal.err());
        if (code != 0) {
            return code;
        }
        return printTable(client, projectId, jobId, terminal);
    }

    /** The body of the request; the options are checked here so a wrong line costs no request. */
    ObjectNode request() {
        if (target == null || target.isBlank()) {
            throw new UsageException("--target is required: a board id, e.g. netduinoplus2-qemu or nucleo-l4r5zi");
        }
        if (!(budgetMinutes > 0 && Double.isFinite(budgetMinutes))) {
            throw new UsageException("--budget-minutes must be a positive number");
        }
        ObjectNode body = RestClient.JSON.createObjectNode();
        body.put("target", target.trim());
        body.put("budgetMinutes", budgetMinutes);
        if (maxLatencyMs != null) {
            body.put("maxLatencyMs", maxLatencyMs);
        }
        if (maxRam != null) {
            body.put("maxRamBytes", maxRam);
        }
        if (maxFlash != null) {
            body.put("maxFlashBytes", maxFlash);
        }
        if (objective != null) {
            body.put("objective", objective);
        }
        if (seed != null) {
            body.put("seed", seed);
        }
        return body;
    }

    /** Waits while the finalists are measured, then prints the table; 1 when the search did not succeed. */
    static int printTable(RestClient client, UUID projectId, UUID jobId, Terminal terminal) {
        String path = "/api/v1/projects/" + projectId + "/jobs/tune/" + jobId;
        JsonNode view = client.get(path);
        boolean told = false;
        while (List.of("pending", "queued", "running").contains(measurementState(view))) {
            if (!told) {
                terminal.err().println("measuring the best candidates in QEMU…");
                terminal.err().flush();
                told = true;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
            view = client.get(path);
        }
        JsonNode result = view.get("result");
        if (result == null || result.isNull()) {
            terminal.err().println("tune job " + jobId + " " + RestClient.text(view, "state") + ": no candidates");
            terminal.err().flush();
            return 1;
        }
        String state = measurementState(view);
        if (state.equals("failed") || state.equals("cancelled")) {
            terminal.err()
                    .println("measuring in QEMU " + state + ": "
                            + view.path("measurement").path("error").asString("") + "; the costs stay estimated");
        }
        for (JsonNode failure : view.path("measurement").path("failures")) {
            terminal.err().println("not measured: " + failure.asString());
        }
        print(result, terminal.out());
        String best = RestClient.text(result, "best");
        terminal.err()
                .println(
                        best == null
                                ? "no candidate fits the budget"
                                : "best within the budget: " + best + " (tune apply " + jobId + " " + best + ")");
        terminal.err().flush();
        return 0;
    }

    static String measurementState(JsonNode view) {
        return view.path("measurement").path("state").asString("none");
    }

    /** One tab-separated line per candidate. */
    static void print(JsonNode result, PrintWriter out) {
        for (JsonNode c : result.path("candidates")) {
            List<String> exceeds =
                    c.path("exceeds").valueStream().map(JsonNode::asString).toList();
            out.printf(
                    Locale.ROOT,
                    "%s\t%.4f\t%.3f\t%d\t%d\t%s\t%s\t%s%n",
                    c.path("id").asString(),
                    c.path("validationAccuracy").asDouble(),
                    c.path("latencyMs").asDouble(),
                    c.path("ramBytes").asLong(),
                    c.path("flashBytes").asLong(),
                    c.path("fitsBudget").asBoolean() ? "yes" : "over:" + String.join(",", exceeds),
                    c.path("measured").asBoolean() ? "measured" : "estimated",
                    c.path("description").asString());
        }
        out.flush();
    }

    /** Prints the candidate table of a search (waiting while its finalists are measured). */
    @Command(
            name = "show",
            description = "Print the candidates of a tune job, as 'tune --wait' does (waiting while its best "
                    + "candidates are measured in QEMU).")
    public static final class Show implements Callable<Integer> {

        @Mixin
        ConnectionOptions connection;

        @Mixin
        ProjectOption project;

        @Parameters(index = "0", paramLabel = "JOB", description = "The tune job's id.")
        UUID jobId;

        private final Terminal terminal;

        public Show(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            Connection server = Connection.open(connection, terminal);
            UUID projectId = server.project(project);
            return printTable(server.client(), projectId, jobId, terminal);
        }
    }

    /** Saves a candidate as the project's next impulse version. */
    @Command(
            name = "apply",
            description = "Save a candidate of a finished tune job as the project's next impulse version (with its "
                    + "learning block). Prints 'impulse version N'.")
    public static final class Apply implements Callable<Integer> {

        @Mixin
        ConnectionOptions connection;

        @Mixin
        ProjectOption project;

        @Parameters(index = "0", paramLabel = "JOB", description = "The tune job's id.")
        UUID jobId;

        @Parameters(index = "1", paramLabel = "CANDIDATE", description = "The candidate's id, e.g. c03.")
        String candidateId;

        private final Terminal terminal;

        public Apply(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            Connection server = Connection.open(connection, terminal);
            UUID projectId = server.project(project);
            ObjectNode body = RestClient.JSON.createObjectNode();
            body.put("candidateId", candidateId);
            JsonNode applied =
                    server.client().post("/api/v1/projects/" + projectId + "/jobs/tune/" + jobId + "/apply", body);
            terminal.out()
                    .println("impulse version " + applied.path("impulseVersion").asInt());
            terminal.out().flush();
            terminal.err()
                    .printf(
                            Locale.ROOT,
                            "candidate %s%s; generate features and train it (learning rate %s)%n",
                            RestClient.text(applied, "candidateId"),
                            applied.path("changed").asBoolean(true) ? "" : " already was the latest impulse",
                            applied.path("learningRate").asString());
            terminal.err().flush();
            return 0;
        }
    }
}
