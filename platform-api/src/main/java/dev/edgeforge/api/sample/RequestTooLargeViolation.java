package dev.edgeforge.api.sample;

import dev.edgeforge.api.problem.EdgeForgeException;

/**
 * A whole request is over a limit once its ZIP archives are unpacked: more bytes than
 * {@code edgeforge.datasets.max-expanded-request-bytes}, or more entries than {@code max-zip-entries} /
 * {@code max-zip-entries-per-request} (413, code {@code upload-too-large}). Unlike {@link UploadTooLargeViolation}
 * for one file, which fails that file only, it refuses the request: nothing of it is stored.
 */
public class RequestTooLargeViolation extends EdgeForgeException {

    public RequestTooLargeViolation(String detail) {
        super(UploadTooLargeViolation.TYPE, detail);
    }
}
