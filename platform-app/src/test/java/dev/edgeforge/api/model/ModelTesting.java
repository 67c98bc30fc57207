package dev.edgeforge.api.model;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.TestUsers;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP helpers of the model tests: wait for jobs, download bytes, upload multipart files. */
final class ModelTesting {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ModelTesting() {}

    /** Polls the job until it reaches {@code state} (fails fast on another terminal state). */
    static JsonNode awaitJob(ApiClient client, TestUsers.User user, UUID jobId, String state, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        JsonNode job = null;
        while (System.nanoTime() < deadline) {
            job = client.get("/api/v1/jobs/" + jobId, user.auth()).json();
            String current = job.path("state").asString();
            if (current.equals(state)) {
                return job;
            }
            if (List.of("succeeded", "failed", "cancelled").contains(current)) {
                throw new AssertionError("job " + jobId + " ended " + current + " (expected " + state + "): "
                        + job.path("error").asString());
            }
            sleep(200);
        }
        throw new AssertionError("job " + jobId + " did not become " + state + " within " + limit + ": " + job);
    }

    /** GETs the model until its state is {@code state} (the reconciler applies the job within a second). */
    static JsonNode awaitModel(ApiClient client, TestUsers.User user, UUID projectId, UUID modelId, String state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode model = null;
        while (System.nanoTime() < deadline) {
            model = client.get("/api/v1/projects/" + projectId + "/models/" + modelId, user.auth())
                    .json();
            if (state.equals(model.path("state").asString())) {
                return model;
            }
            sleep(200);
        }
        throw new AssertionError("model " + modelId + " did not become " + state + ": " + model);
    }

    static HttpResponse<byte[]> download(int port, TestUsers.User user, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + user.token())
                                .header("Accept", "*/*")
                                .timeout(Duration.ofSeconds(30))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    /** POSTs multipart/form-data: one file part named {@code fileField} and plain fields (name, value, ...). */
    static ApiClient.Response upload(
            int port,
            TestUsers.User user,
            String path,
            String fileField,
            String fileName,
            byte[] content,
            String... fields) {
        String boundary = "----ef" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < fields.length; i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                            + fields[i + 1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .header("Authorization", "Bearer " + user.token())
                                    .header("Accept", "application/json")
                                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                    .timeout(Duration.ofSeconds(60))
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = contentType.contains("json") && !response.body().isEmpty()
                    ? JSON.readTree(response.body())
                    : JSON.missingNode();
            return new ApiClient.Response(
                    response.statusCode(), contentType, response.body(), json, response.headers());
        } catch (Exception e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
