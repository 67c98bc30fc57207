package dev.edgeforge.bench.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

/** The public HTTP API of a running EdgeForge, as a device or a script uses it: nothing reaches around it. */
final class PlatformClient {

    /** One file of a multipart upload. */
    record UploadFile(String name, byte[] content) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;

    PlatformClient(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** A personal session token for the account. */
    String login(String email, String password) throws IOException, InterruptedException {
        ObjectJson body = ObjectJson.of("email", email, "password", password);
        return post("/api/v1/auth/login", null, body.text()).get("token").asString();
    }

    JsonNode post(String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return answer(path, http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    JsonNode get(String path, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        return answer(path, http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    /** {@code POST /api/training/data} as an Edge Impulse device sends it; the HTTP status. */
    int sendData(String apiKey, byte[] body, String fileName) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/training/data"))
                .header("x-api-key", apiKey)
                .header("x-file-name", fileName)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(Duration.ofSeconds(60))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * Uploads files as samples of one category in one multipart request ({@code POST .../samples}); the label of
     * each comes from its file name ({@code label.name.json}). Returns the per-file results.
     */
    JsonNode upload(UUID projectId, String token, String category, List<UploadFile> files)
            throws IOException, InterruptedException {
        String boundary = "edgeforge-bench-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (UploadFile file : files) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                            + file.name() + "\"\r\nContent-Type: application/json\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(file.content());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String path = "/api/v1/projects/" + projectId + "/samples?category=" + category;
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .timeout(Duration.ofMinutes(5))
                .build();
        return answer(path, http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private static JsonNode answer(String path, HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** A small JSON object built with the mapper, so that values are escaped. */
    record ObjectJson(String text) {

        static ObjectJson of(String... namesAndValues) {
            var node = JSON.createObjectNode();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                node.put(namesAndValues[i], namesAndValues[i + 1]);
            }
            return new ObjectJson(JSON.writeValueAsString(node));
        }
    }
}
