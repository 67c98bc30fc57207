package dev.edgeforge.cli.deploy;

import dev.edgeforge.cli.http.RestClient;
import dev.edgeforge.cli.job.JobFollower;
import dev.edgeforge.cli.job.JobOutcome;
import dev.edgeforge.cli.session.CliFailure;
import dev.edgeforge.cli.session.Connection;
import dev.edgeforge.cli.session.ConnectionOptions;
import dev.edgeforge.cli.session.ProjectOption;
import dev.edgeforge.cli.session.Terminal;
import dev.edgeforge.cli.training.Models;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * Builds a deployment, follows its build log, and writes the bundle to a file once it is ready, checked against the
 * SHA-256 the platform states; a partly downloaded or mismatching bundle never takes the file's place.
 */
@Command(
        name = "deploy",
        description = "Build a model (default: the newest ready one) for a target board, wait for the build "
                + "(its log on standard error) and write the bundle ZIP to --out. Exit code 1 when the build fails.")
public final class DeployCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ProjectOption project;

    @Option(
            names = "--target",
            required = true,
            paramLabel = "BOARD",
            description = "A board id from GET /api/v1/targets, e.g. netduinoplus2-qemu.")
    String target;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "firmware or c-library.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the bundle ZIP.")
    Path out;

    @Option(names = "--model", paramLabel = "ID", description = "The model (default: the newest ready one).")
    UUID modelId;

    @Option(
            names = "--variant",
            paramLabel = "VARIANT",
            description = "The model variant to build: int8 (the default; firmware runs int8 models).")
    String variant;

    private final Terminal terminal;

    public DeployCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws IOException {
        Connection server = Connection.open(connection, terminal);
        UUID projectId = server.project(project);
        RestClient client = server.client();
        UUID model = Models.chosenOrLatestReady(client, projectId, modelId);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("modelId", model.toString());
        request.put("target", target);
        request.put("format", format);
        if (variant != null) {
            request.put("variant", variant);
        }
        String base = "/api/v1/projects/" + projectId + "/deployments";
        JsonNode created = client.post(base, request);
        String deploymentId = RestClient.text(created, "id");
        terminal.out().println("deployment " + deploymentId);
        terminal.out().flush();
        JsonNode job = new JobFollower(client, terminal.err(), terminal.err())
                .follow(UUID.fromString(RestClient.text(created, "jobId")));
        if (JobOutcome.report(job, terminal.err()) != 0) {
            return 1;
        }
        JsonNode deployment = client.get(base + "/" + deploymentId);
        if (!"ready".equals(RestClient.text(deployment, "state"))) {
            throw new CliFailure("deployment " + deploymentId + " is " + RestClient.text(deployment, "state")
                    + Optional.ofNullable(RestClient.text(deployment, "error"))
                            .map(e -> ": " + e)
                            .orElse(""));
        }
        String sha256 = download(client, base + "/" + deploymentId + "/download", deployment);
        report(deployment);
        terminal.out().println("sha256 " + sha256);
        terminal.out().println("verified " + deployment.path("verified").asBoolean());
        terminal.out().flush();
        terminal.err().printf("wrote %s%n", out);
        return 0;
    }

    /** Streams the bundle to a temporary file beside {@code --out}, checks its digest, then moves it into place. */
    private String download(RestClient client, String path, JsonNode deployment) throws IOException {
        Path absolute = out.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path partial = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".part");
        try {
            HttpResponse<InputStream> response = client.open(
                    client.request(path).setHeader("Accept", "application/zip").GET());
            MessageDigest digest = sha256();
            try (InputStream in = response.body();
                    OutputStream file = new DigestOutputStream(Files.newOutputStream(partial), digest)) {
                in.transferTo(file);
            }
            byte[] received = digest.digest();
            String hex = HexFormat.of().formatHex(received);
            String stated = RestClient.text(deployment.path("bundle"), "sha256");
            Optional<String> header = response.headers().firstValue("Repr-Digest");
            String headerDigest = "sha-256=:" + Base64.getEncoder().encodeToString(received) + ":";
            if ((stated != null && !stated.equalsIgnoreCase(hex))
                    || (header.isPresent() && !header.get().contains(headerDigest))) {
                throw new CliFailure("the downloaded bundle's SHA-256 " + hex + " is not the one the platform states ("
                        + (stated != null ? stated : header.get()) + "); nothing was written to " + out);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return hex;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** What the emulated run showed, by the verification's status (verified, mismatch, failed, not-emulated). */
    private void report(JsonNode deployment) {
        JsonNode verification = deployment.path("verification");
        String status = RestClient.text(verification, "status");
        int windows = verification.path("windows").asInt();
        if (deployment.path("verified").asBoolean()) {
            terminal.err()
                    .printf("verified: the emulated device answered %d windows exactly as the server does%n", windows);
        } else if ("mismatch".equals(status)) {
            terminal.err()
                    .printf(
                            "NOT verified: %d of %d windows differ from the server's answers%n",
                            verification.path("mismatchCount").asInt(), windows);
        } else if ("failed".equals(status)) {
            terminal.err()
                    .printf(
                            "NOT verified: the emulated run failed (%s)%n",
                            Optional.ofNullable(RestClient.text(verification, "failure"))
                                    .orElse("no reason given"));
        } else {
            terminal.err().println("not verified on an emulated device (this format or board has no self-test)");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
