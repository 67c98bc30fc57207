package dev.edgeforge.api.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Answers that a browser saves as a file rather than shows. */
public final class Downloads {

    private Downloads() {}

    /** The {@code Content-Disposition} value that has the answer saved as {@code fileName}. */
    public static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName).build().toString();
    }

    /** {@code bytes} as {@code application/octet-stream}, saved as {@code fileName}. */
    public static ResponseEntity<byte[]> file(String fileName, byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName))
                .body(bytes);
    }
}
