package dev.edgeforge.cli.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's REST API over {@link HttpClient}: JSON in and out, failures as {@link ApiProblem}s, an unreachable
 * server as {@link UnreachableServerException}. Paths are relative to the base URL ({@code /api/v1/...}).
 */
public final class RestClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final Credentials credentials;
    private final HttpClient http;

    public RestClient(URI base, Credentials credentials) {
        this.base = base;
        this.credentials = credentials;
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public URI base() {
        return base;
    }

    public Credentials credentials() {
        return credentials;
    }

    /** The same server with other credentials. */
    public RestClient with(Credentials other) {
        return new RestClient(base, other);
    }

    public JsonNode get(String path) {
        return json(request(path).GET());
    }

    public JsonNode post(String path, Object body) {
        return json(request(path).POST(jsonBody(body)).header("Content-Type", "application/json"));
    }

    public JsonNode put(String path, Object body) {
        return json(request(path).PUT(jsonBody(body)).header("Content-Type", "application/json"));
    }

    public void delete(String path) {
        json(request(path).DELETE());
    }

    /** Sends a prepared request and answers its JSON body (null for an empty one) with the status. */
    public Answer send(HttpRequest.Builder request) {
        HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 400) {
            throw problem(response.statusCode(), response.headers().firstValue("Retry-After"), response.body());
        }
        return new Answer(response.statusCode(), parse(response.body()));
    }

    /** A request whose body streams back (downloads, event streams); the caller closes the body. */
    public HttpResponse<InputStream> open(HttpRequest.Builder request) {
        HttpResponse<InputStream> response = exchange(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() >= 400) {
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(64 * 1024);
            } catch (IOException e) {
                body = new byte[0];
            }
            throw problem(response.statusCode(), response.headers().firstValue("Retry-After"), body);
        }
        return response;
    }

    /** A request to {@code path} (relative to the base URL) carrying the credentials. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path)).header("Accept", "application/json");
        credentials.apply(request);
        return request;
    }

    public URI resolve(String path) {
        String root = base.toString().endsWith("/")
                ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        return URI.create(root + path);
    }

    /** A JSON answer and its status (200, 201, 202, 207, …). */
    public record Answer(int status, JsonNode body) {}

    private JsonNode json(HttpRequest.Builder request) {
        return send(request).body();
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request.build(), handler);
        } catch (IOException e) {
            throw new UnreachableServerException(base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static HttpRequest.BodyPublisher jsonBody(Object body) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw new ApiProblem(
                    200, null, "The platform answered something that is not JSON", snippet(body), List.of(), null);
        }
    }

    /** The problem a failed answer describes; an RFC 9457 body when there is one. */
    static ApiProblem problem(int status, Optional<String> retryAfter, byte[] body) {
        Duration wait = retryAfter.flatMap(RestClient::seconds).orElse(null);
        JsonNode json = null;
        try {
            json = body.length == 0 ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            // not JSON: a proxy's page, a plain-text error
        }
        if (json == null || !json.isObject()) {
            return new ApiProblem(status, null, "HTTP " + status, snippet(body), List.of(), wait);
        }
        List<String> errors = new ArrayList<>();
        for (JsonNode error : json.path("errors")) {
            String field = text(error, "field");
            String message = text(error, "message");
            errors.add(field == null ? String.valueOf(message) : field + ": " + message);
        }
        return new ApiProblem(status, text(json, "code"), text(json, "title"), text(json, "detail"), errors, wait);
    }

    /** The text of a field, or null when it is absent or null. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isMissingNode() ? null : value.asString();
    }

    private static Optional<Duration> seconds(String header) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String snippet(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
