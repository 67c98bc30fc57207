package dev.edgeforge.cli.job;

import dev.edgeforge.cli.http.ApiProblem;
import dev.edgeforge.cli.http.RestClient;
import dev.edgeforge.cli.http.ServerSentEvents;
import dev.edgeforge.cli.http.UnreachableServerException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * Follows a job's log stream ({@code GET /api/v1/jobs/{id}/logs}, Server-Sent Events) from its first line until the
 * {@code end} event that carries the finished job. A dropped connection is opened again with {@code Last-Event-ID},
 * so no line is printed twice or lost; it gives up after {@value #MAX_FAILURES} failed attempts in a row.
 */
public final class JobFollower {

    static final int MAX_FAILURES = 10;
    private static final Duration FIRST_WAIT = Duration.ofMillis(500);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    private final RestClient client;
    private final PrintWriter log;
    private final PrintWriter messages;

    /**
     * @param log      where the job's log lines go
     * @param messages where reconnects are reported
     */
    public JobFollower(RestClient client, PrintWriter log, PrintWriter messages) {
        this.client = client;
        this.log = log;
        this.messages = messages;
    }

    /** Prints every log line and answers the finished job ({@code state}: succeeded, failed or cancelled). */
    public JsonNode follow(UUID jobId) {
        AtomicLong lastSeq = new AtomicLong(0);
        int failures = 0;
        Duration wait = FIRST_WAIT;
        while (true) {
            AtomicReference<JsonNode> end = new AtomicReference<>();
            boolean progressed = false;
            String problem;
            try {
                long before = lastSeq.get();
                readOnce(jobId, lastSeq, end);
                if (end.get() != null) {
                    return end.get();
                }
                progressed = lastSeq.get() > before;
                problem = "the stream ended before the job did";
            } catch (ApiProblem e) {
                if (e.status() < 500) {
                    throw e;
                }
                problem = e.getMessage();
            } catch (UnreachableServerException e) {
                problem = e.getMessage();
            } catch (IOException e) {
                problem = "the connection dropped (" + e.getMessage() + ")";
            }
            failures = progressed ? 1 : failures + 1;
            if (failures > MAX_FAILURES) {
                throw new IllegalStateException(
                        "lost the log of job " + jobId + " " + MAX_FAILURES + " times in a row: " + problem);
            }
            wait = progressed ? FIRST_WAIT : wait;
            messages.printf("log stream of job %s: %s; reconnecting in %d ms%n", jobId, problem, wait.toMillis());
            messages.flush();
            sleep(wait);
            wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
        }
    }

    private void readOnce(UUID jobId, AtomicLong lastSeq, AtomicReference<JsonNode> end) throws IOException {
        var request = client.request("/api/v1/jobs/" + jobId + "/logs").setHeader("Accept", "text/event-stream");
        if (lastSeq.get() > 0) {
            request.setHeader("Last-Event-ID", Long.toString(lastSeq.get()));
        }
        HttpResponse<InputStream> response = client.open(request.GET());
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            ServerSentEvents.read(reader, event -> {
                switch (event.name()) {
                    case "log" -> {
                        long seq = parseSeq(event.id());
                        // a resumed stream never repeats a line, but a server without resume support might
                        if (seq <= 0 || seq > lastSeq.get()) {
                            log.println(event.data());
                            log.flush();
                            if (seq > 0) {
                                lastSeq.set(seq);
                            }
                        }
                        return true;
                    }
                    case "end" -> {
                        end.set(RestClient.JSON.readTree(event.data()));
                        return false;
                    }
                    default -> {
                        return true;
                    }
                }
            });
        }
    }

    private static long parseSeq(String id) {
        try {
            return id == null ? -1 : Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
