package dev.edgeforge.api.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The matrix's HTTP: any method, headers and raw body (JSON or multipart), the answer as text. Stateless; pages use
 * {@link dev.edgeforge.api.support.BrowserSession}.
 */
final class MatrixHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A request body with its content type. */
    record Body(String contentType, byte[] bytes) {

        static Body json(String json) {
            return new Body("application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        /** One file part per name: {@code field}, file name, content. */
        static Body multipart(String field, String fileName, byte[] content) {
            String boundary = "----matrix" + UUID.randomUUID().toString().replace("-", "");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                            + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return new Body("multipart/form-data; boundary=" + boundary, out.toByteArray());
        }
    }

    /** An answer: status, content type, body as text, headers. */
    record Answer(int status, String contentType, String body, HttpHeaders headers) {

        /** The problem's {@code code}, or "" when the body is not a problem. */
        String code() {
            return json().path("code").asString("");
        }

        JsonNode json() {
            if (!contentType.contains("json") || body.isEmpty()) {
                return JSON.missingNode();
            }
            try {
                return JSON.readTree(body);
            } catch (RuntimeException notJson) {
                return JSON.missingNode();
            }
        }

        String location() {
            return headers.firstValue("Location").orElse("");
        }

        @Override
        public String toString() {
            String shown = body.length() > 300 ? body.substring(0, 300) + "…" : body;
            return status + " " + contentType + " " + shown.replaceAll("\\s+", " ");
        }
    }

    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    MatrixHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Headers as name, value, name, value…; {@code body} may be null. */
    Answer send(String method, String path, List<String> headers, Body body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        if (body != null) {
            request.header("Content-Type", body.contentType());
        }
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }
}
