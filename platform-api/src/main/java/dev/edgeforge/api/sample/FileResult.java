package dev.edgeforge.api.sample;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * The outcome of one file of an upload, shaped like Edge Impulse's ingestion answers ({@code success},
 * {@code fileName}, {@code error}) with what EdgeForge adds for a stored sample.
 *
 * @param code  for a failure, the problem code ({@code sample-malformed}, {@code sample-unsupported} (also a ZIP
 *              inside a ZIP), {@code sample-signature-invalid}, {@code upload-too-large}, {@code duplicate-sample},
 *              {@code labels-file-invalid}, {@code server-busy} (no parse memory free: send the file again),
 *              {@code storage-quota-exceeded} (another upload filled the quota first))
 * @param error for a failure, the file name and what is wrong with it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileResult(
        String fileName,
        boolean success,
        UUID id,
        String name,
        String label,
        SampleCategory category,
        String error,
        String code) {

    static FileResult stored(String fileName, SampleRow row) {
        return new FileResult(fileName, true, row.id(), row.name(), row.label(), row.category(), null, null);
    }

    /** A labels sidecar that was read and applied to the batch. */
    static FileResult sidecar(String fileName) {
        return new FileResult(fileName, true, null, null, null, null, null, null);
    }

    static FileResult failed(String fileName, String code, String error) {
        return new FileResult(fileName, false, null, null, null, null, error, code);
    }

    /** Whether a data file was stored as a sample (a labels sidecar that was read is a success, but no sample). */
    public boolean stored() {
        return success && id != null;
    }

    /**
     * The status of an upload's answer: 200 when every file was stored (sidecars read), 400 when no data file was
     * stored, 207 otherwise. A sidecar alone stores nothing, so it is not a success on its own.
     */
    public static HttpStatus status(List<FileResult> results) {
        if (results.stream().noneMatch(FileResult::stored)) {
            return HttpStatus.BAD_REQUEST;
        }
        return results.stream().allMatch(FileResult::success) ? HttpStatus.OK : HttpStatus.MULTI_STATUS;
    }
}
