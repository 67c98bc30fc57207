package dev.edgeforge.cli.http;

import java.io.FileNotFoundException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body of files, streamed from disk with a known length (so the server can refuse an
 * oversized request from its {@code Content-Length} before reading it).
 */
public final class MultipartBody {

    private final String boundary = "edgeforge-" + UUID.randomUUID();
    private final List<HttpRequest.BodyPublisher> parts = new ArrayList<>();

    /** Adds a file as a part named {@code field}, sent under {@code fileName}. */
    public MultipartBody file(String field, String fileName, Path path) throws FileNotFoundException {
        parts.add(text("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + field + "\"; " + fileNameParameters(fileName) + "\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n"));
        parts.add(HttpRequest.BodyPublishers.ofFile(path));
        parts.add(text("\r\n"));
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public HttpRequest.BodyPublisher publisher() {
        List<HttpRequest.BodyPublisher> all = new ArrayList<>(parts);
        all.add(text("--" + boundary + "--\r\n"));
        return HttpRequest.BodyPublishers.concat(all.toArray(HttpRequest.BodyPublisher[]::new));
    }

    /**
     * The file name twice: quoted UTF-8 (what curl and browsers send) and RFC 5987 {@code filename*}, which servers
     * that read it prefer; quotes, backslashes and line breaks cannot break out of the header.
     */
    static String fileNameParameters(String fileName) {
        String clean = fileName.replace("\r", "").replace("\n", "");
        String quoted = clean.replace("\\", "\\\\").replace("\"", "\\\"");
        String encoded = URLEncoder.encode(clean, StandardCharsets.UTF_8).replace("+", "%20");
        return "filename=\"" + quoted + "\"; filename*=UTF-8''" + encoded;
    }

    private static HttpRequest.BodyPublisher text(String text) {
        return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
    }
}
