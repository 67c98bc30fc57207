package dev.edgeforge.api.sample;

import dev.edgeforge.api.support.ApiClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP the {@link ApiClient} does not speak: multipart uploads, binary bodies, binary answers. */
final class SampleHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Duration timeout;

    SampleHttp(int port) {
        this(port, Duration.ofSeconds(60));
    }

    /** With a longer {@code timeout} for requests that store thousands of samples on a loaded machine. */
    SampleHttp(int port, Duration timeout) {
        this.base = "http://localhost:" + port;
        this.timeout = timeout;
    }

    /** One part of a multipart body. */
    record Part(String field, String fileName, String contentType, byte[] bytes) {
        static Part file(String field, String fileName, byte[] bytes) {
            return new Part(field, fileName, "application/octet-stream", bytes);
        }

        static Part file(String fileName, byte[] bytes) {
            return file("files", fileName, bytes);
        }

        static Part text(String field, String value) {
            return new Part(field, null, null, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A binary answer. */
    record Binary(int status, String contentType, byte[] body, HttpHeaders headers) {}

    ApiClient.Response multipart(String path, ApiClient.Auth auth, List<String> headers, Part... parts) {
        String boundary = "----ef" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            StringBuilder head = new StringBuilder("--")
                    .append(boundary)
                    .append("\r\n")
                    .append("Content-Disposition: form-data; name=\"")
                    .append(part.field())
                    .append('"');
            if (part.fileName() != null) {
                head.append("; filename=\"").append(part.fileName()).append('"');
            }
            head.append("\r\n");
            if (part.contentType() != null) {
                head.append("Content-Type: ").append(part.contentType()).append("\r\n");
            }
            head.append("\r\n");
            body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.bytes());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        List<String> all = new ArrayList<>(headers);
        all.add("Content-Type");
        all.add("multipart/form-data; boundary=" + boundary);
        return send("POST", path, body.toByteArray(), auth, all);
    }

    ApiClient.Response multipart(String path, ApiClient.Auth auth, Part... parts) {
        return multipart(path, auth, List.of(), parts);
    }

    ApiClient.Response send(String method, String path, byte[] bytes, ApiClient.Auth auth, List<String> headers) {
        Binary binary = sendBinary(method, path, bytes, auth, headers);
        String text = new String(binary.body(), StandardCharsets.UTF_8);
        JsonNode json =
                binary.contentType().contains("json") && !text.isEmpty() ? JSON.readTree(text) : JSON.missingNode();
        return new ApiClient.Response(binary.status(), binary.contentType(), text, json, binary.headers());
    }

    Binary get(String path, ApiClient.Auth auth) {
        return sendBinary("GET", path, null, auth, List.of());
    }

    Binary sendBinary(String method, String path, byte[] bytes, ApiClient.Auth auth, List<String> headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
        if (auth != null && auth.header() != null) {
            request.header(auth.header(), auth.value());
        }
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        request.method(
                method,
                bytes == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Binary(
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
