package dev.edgeforge.cli.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.edgeforge.cli.http.ApiProblem;
import dev.edgeforge.cli.http.Credentials;
import dev.edgeforge.cli.http.RestClient;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The follower against a small event-stream server on the loopback address that drops the connection mid-job, as a
 * proxy or a restarting server would: the log must come out whole, each line once.
 */
class JobFollowerTest {

    private static final UUID JOB = UUID.fromString("00000000-0000-4000-8000-000000000001");

    private HttpServer server;
    private final List<String> resumedFrom = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aDroppedStreamResumesAfterTheLastLineUntilTheJobEnds() throws IOException {
        start(exchange -> {
            int connection = connections.incrementAndGet();
            resumedFrom.add(String.valueOf(exchange.getRequestHeaders().getFirst("Last-Event-ID")));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            if (connection == 1) {
                // two lines, then the connection breaks before the job ends
                stream(exchange, "id:1\nevent:log\ndata:epoch 1\n\nid:2\nevent:log\ndata:epoch 2\n\n");
            } else {
                stream(
                        exchange,
                        "id:3\nevent:log\ndata:epoch 3\n\nevent:progress\ndata:{}\n\n"
                                + "event:end\ndata:{\"id\":\"" + JOB + "\",\"type\":\"train\",\"state\":\"failed\","
                                + "\"error\":\"diverged\"}\n\n");
            }
        });
        StringWriter log = new StringWriter();
        StringWriter messages = new StringWriter();

        JsonNode job = new JobFollower(client(), new PrintWriter(log), new PrintWriter(messages)).follow(JOB);

        assertThat(log.toString().lines()).containsExactly("epoch 1", "epoch 2", "epoch 3");
        assertThat(resumedFrom).containsExactly("null", "2");
        assertThat(authorizations).containsOnly("Bearer secret");
        assertThat(messages.toString()).contains("the stream ended before the job did; reconnecting");
        assertThat(job.get("state").asString()).isEqualTo("failed");
        StringWriter report = new StringWriter();
        assertThat(JobOutcome.report(job, new PrintWriter(report))).isEqualTo(1);
        assertThat(report.toString()).contains("train job " + JOB + " failed: diverged");
    }

    @Test
    void aJobThatDoesNotExistEndsTheFollowingAtOnce() throws IOException {
        start(exchange -> {
            connections.incrementAndGet();
            byte[] problem = ("{\"type\":\"about:blank\",\"title\":\"Job not found\",\"status\":404,"
                            + "\"detail\":\"No job " + JOB + ".\",\"code\":\"job-not-found\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(404, problem.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(problem);
            }
        });

        assertThatThrownBy(() -> new JobFollower(
                                client(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                        .follow(JOB))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("Job not found: No job");
        assertThat(connections.get()).isEqualTo(1);
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private void start(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/jobs/" + JOB + "/logs", exchange -> {
            try (exchange) {
                handler.handle(exchange);
            }
        });
        server.start();
    }

    private static void stream(HttpExchange exchange, String events) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write(events.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private RestClient client() {
        return new RestClient(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), new Credentials.Bearer("secret"));
    }
}
