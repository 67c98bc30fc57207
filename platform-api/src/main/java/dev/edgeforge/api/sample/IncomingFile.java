package dev.edgeforge.api.sample;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file of an upload before it is read: its name and a way to open its bytes once.
 *
 * @param fileName the name the client gave
 * @param content  opens the bytes (a multipart part, a request body)
 */
public record IncomingFile(String fileName, Content content) {

    /** Opens the bytes of an incoming file. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }
}
