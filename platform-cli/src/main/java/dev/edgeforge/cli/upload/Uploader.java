package dev.edgeforge.cli.upload;

import dev.edgeforge.cli.http.ApiProblem;
import dev.edgeforge.cli.http.CountingPublisher;
import dev.edgeforge.cli.http.MultipartBody;
import dev.edgeforge.cli.http.RestClient;
import dev.edgeforge.cli.upload.UploadPlan.Batch;
import dev.edgeforge.cli.upload.UploadPlan.Labeling;
import java.io.FileNotFoundException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Sends the planned requests to {@code POST /api/v1/projects/{id}/samples} and prints one line per file. A request
 * the server finds too large (413 {@code upload-too-large} or {@code compression-bomb}, 400 for too many files) is
 * split in halves until the culprit stands alone and fails by itself; a busy server (503, 429, or a file answered
 * {@code server-busy}) gets the files again after a pause, {@value #ATTEMPTS} times at most. Any other refusal
 * (credentials, project, quota) ends the upload.
 */
final class Uploader {

    static final int ATTEMPTS = 3;
    private static final Duration BUSY_PAUSE = Duration.ofSeconds(2);

    private final RestClient client;
    private final String path;
    private final ProgressBar bar;
    private final PrintWriter out;
    private int stored;
    private int failed;
    private int requests;

    /** What the upload did. */
    record Summary(int stored, int failed, int requests) {}

    private record Attempt(Batch batch, int number) {}

    Uploader(
            RestClient client,
            UUID projectId,
            String category,
            boolean disallowDuplicates,
            ProgressBar bar,
            PrintWriter out) {
        this.client = client;
        this.path = "/api/v1/projects/" + projectId + "/samples?category=" + category
                + (disallowDuplicates ? "&disallowDuplicates=true" : "");
        this.bar = bar;
        this.out = out;
    }

    Summary upload(List<Batch> batches) {
        Deque<Attempt> queue = new ArrayDeque<>();
        batches.forEach(batch -> queue.add(new Attempt(batch, 1)));
        while (!queue.isEmpty()) {
            Attempt attempt = queue.poll();
            Batch batch = attempt.batch();
            JsonNode answer;
            try {
                answer = send(batch);
            } catch (ApiProblem problem) {
                if (splittable(problem) && batch.files().size() > 1) {
                    List<Batch> halves = batch.halves();
                    queue.addFirst(new Attempt(halves.get(1), attempt.number()));
                    queue.addFirst(new Attempt(halves.get(0), attempt.number()));
                } else if (busy(problem) && attempt.number() < ATTEMPTS) {
                    pause(problem.retryAfter().orElse(BUSY_PAUSE));
                    queue.addFirst(new Attempt(batch, attempt.number() + 1));
                } else if (splittable(problem) || busy(problem) || "storage-quota-exceeded".equals(problem.code())) {
                    failAll(batch, problem);
                } else {
                    throw problem;
                }
                continue;
            }
            List<Path> again = report(batch, answer, attempt.number());
            if (!again.isEmpty()) {
                pause(BUSY_PAUSE);
                queue.addFirst(new Attempt(Batch.of(batch.labeling(), again), attempt.number() + 1));
            }
        }
        return new Summary(stored, failed, requests);
    }

    private JsonNode send(Batch batch) {
        MultipartBody body = new MultipartBody();
        try {
            for (Path file : batch.files()) {
                body.file("files", file.getFileName().toString(), file);
            }
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("cannot read " + e.getMessage(), e);
        }
        bar.requestStarted(batch.bytes());
        requests++;
        var request = client.request(path + labelParameters(batch.labeling()))
                .header("Content-Type", body.contentType())
                .POST(new CountingPublisher(body.publisher(), bar::sent));
        return client.send(request).body();
    }

    /** Prints each file's result; answers the files to send again (the server was too busy to parse them). */
    private List<Path> report(Batch batch, JsonNode answer, int attempt) {
        List<JsonNode> results = new ArrayList<>();
        answer.path("files").forEach(results::add);
        // without archives the server answers one result per file, in order: busy files can be matched and resent
        boolean matched = results.size() == batch.files().size()
                && batch.files().stream()
                        .noneMatch(
                                file -> LabelRule.isArchive(file.getFileName().toString()));
        List<Path> again = new ArrayList<>();
        long againBytes = 0;
        for (int i = 0; i < results.size(); i++) {
            JsonNode result = results.get(i);
            boolean success = result.path("success").asBoolean(false);
            if (!success && matched && "server-busy".equals(RestClient.text(result, "code")) && attempt < ATTEMPTS) {
                again.add(batch.files().get(i));
                againBytes += UploadPlan.size(batch.files().get(i));
                continue;
            }
            if (success) {
                stored++;
                bar.printAbove(
                        out,
                        String.join(
                                "\t",
                                "ok",
                                RestClient.text(result, "fileName"),
                                String.valueOf(RestClient.text(result, "label")),
                                String.valueOf(RestClient.text(result, "category")),
                                String.valueOf(RestClient.text(result, "id"))));
            } else {
                failed++;
                bar.printAbove(
                        out,
                        String.join(
                                "\t",
                                "failed",
                                RestClient.text(result, "fileName"),
                                String.valueOf(RestClient.text(result, "code")),
                                String.valueOf(RestClient.text(result, "error"))));
            }
        }
        bar.done(batch.files().size() - again.size(), batch.bytes() - againBytes);
        return again;
    }

    private void failAll(Batch batch, ApiProblem problem) {
        for (Path file : batch.files()) {
            failed++;
            bar.printAbove(
                    out,
                    String.join(
                            "\t",
                            "failed",
                            file.getFileName().toString(),
                            String.valueOf(problem.code()),
                            String.valueOf(problem.detail())));
        }
        bar.done(batch.files().size(), batch.bytes());
    }

    /** Refusals of the request as a whole that a smaller request may not meet. */
    private static boolean splittable(ApiProblem problem) {
        return (problem.status() == 413
                        && ("upload-too-large".equals(problem.code()) || "compression-bomb".equals(problem.code())))
                || (problem.status() == 400
                        && "invalid-sample-request".equals(problem.code())
                        && String.valueOf(problem.detail()).contains("'files'"));
    }

    private static boolean busy(ApiProblem problem) {
        return problem.status() == 503 || problem.status() == 429;
    }

    private static String labelParameters(Labeling labeling) {
        if (labeling instanceof Labeling.Given given) {
            return "&label=" + URLEncoder.encode(given.label(), StandardCharsets.UTF_8);
        }
        if (labeling instanceof Labeling.ByRule byRule) {
            return "&labelRule=" + URLEncoder.encode(byRule.rule(), StandardCharsets.UTF_8);
        }
        return labeling instanceof Labeling.None ? "&noLabel=true" : "";
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
