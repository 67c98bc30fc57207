package dev.edgeforge.api.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for integration tests: real requests to the running server, JSON in and out, and the
 * credentials a test chooses. With a cookie jar it behaves like a browser session.
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http;

    private ApiClient(String base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    /** A stateless client (no cookies), like a script. */
    public static ApiClient stateless(int port) {
        return new ApiClient(
                "http://localhost:" + port,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    /** A client that keeps cookies, like a browser. */
    public static ApiClient withCookies(int port) {
        return new ApiClient(
                "http://localhost:" + port,
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(10))
                        .cookieHandler(new CookieManager())
                        .build());
    }

    /** The server this client talks to, e.g. {@code http://localhost:41234}. */
    public String base() {
        return base;
    }

    /** Credentials to send: {@code Authorization: Bearer}, {@code x-api-key}, any header, or none. */
    public record Auth(String header, String value) {
        public static Auth none() {
            return new Auth(null, null);
        }

        public static Auth bearer(String token) {
            return new Auth("Authorization", "Bearer " + token);
        }

        public static Auth apiKey(String key) {
            return new Auth("x-api-key", key);
        }
    }

    /** A response with its body parsed as JSON when it is JSON. */
    public record Response(int status, String contentType, String body, JsonNode json, HttpHeaders headers) {

        public String text(String field) {
            return json.path(field).asString();
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    public Response get(String path, Auth auth) {
        return send("GET", path, null, auth, List.of());
    }

    public Response post(String path, Object body, Auth auth) {
        return send("POST", path, body, auth, List.of());
    }

    public Response patch(String path, Object body, Auth auth) {
        return send("PATCH", path, body, auth, List.of());
    }

    public Response put(String path, Object body, Auth auth) {
        return send("PUT", path, body, auth, List.of());
    }

    public Response delete(String path, Auth auth) {
        return send("DELETE", path, null, auth, List.of());
    }

    /** A request with a raw body and extra headers (name, value, name, value, ...). */
    public Response send(String method, String path, Object body, Auth auth, List<String> extraHeaders) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        List<String> headers = new ArrayList<>(extraHeaders);
        if (auth != null && auth.header() != null) {
            headers.add(auth.header());
            headers.add(auth.value());
        }
        boolean hasAccept = false;
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
            hasAccept |= headers.get(i).equalsIgnoreCase("Accept");
        }
        if (!hasAccept) {
            request.header("Accept", "application/json");
        }
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        if (body instanceof String raw) {
            publisher = HttpRequest.BodyPublishers.ofString(raw);
            if (headers.stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
                request.header("Content-Type", "application/json");
            }
        } else if (body != null) {
            publisher = HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            request.header("Content-Type", "application/json");
        }
        request.method(method, publisher);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = contentType.contains("json") && !response.body().isEmpty()
                    ? JSON.readTree(response.body())
                    : JSON.missingNode();
            return new Response(response.statusCode(), contentType, response.body(), json, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }
}
