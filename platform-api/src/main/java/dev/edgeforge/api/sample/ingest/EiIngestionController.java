package dev.edgeforge.api.sample.ingest;

import dev.edgeforge.api.project.ProjectAccess;
import dev.edgeforge.api.project.ProjectGrant;
import dev.edgeforge.api.sample.FileResult;
import dev.edgeforge.api.sample.IncomingFile;
import dev.edgeforge.api.sample.SampleIngestion;
import dev.edgeforge.api.sample.SampleRow;
import dev.edgeforge.api.sample.UploadCategory;
import dev.edgeforge.api.sample.UploadTooLargeViolation;
import dev.edgeforge.api.security.ApiKeyScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Edge Impulse's ingestion API on EdgeForge, so devices and scripts written for it work by changing the host:
 * {@code POST /api/{training|testing|anomaly|split}/files} (multipart, field {@code data}, many files) and
 * {@code POST /api/{training|testing|anomaly}/data} (one Edge Impulse JSON or CBOR message as the body). The
 * project is the API key's ({@code x-api-key}, ingest scope).
 */
@RestController
@Tag(name = "Edge Impulse ingestion")
class EiIngestionController {

    private final ProjectAccess access;
    private final SampleIngestion ingestion;

    EiIngestionController(ProjectAccess access, SampleIngestion ingestion) {
        this.access = access;
        this.ingestion = ingestion;
    }

    /**
     * Edge Impulse's answer to a files upload.
     *
     * @param success whether every file was stored
     */
    record FilesResponse(boolean success, List<FileResult> files) {}

    @PostMapping(
            path = "/api/{category:training|testing|anomaly|split}/files",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Upload files (Edge Impulse)",
            description = "Upload files (multipart field 'data'), labels sidecars (info.labels) and ZIP archives; "
                    + "200 when every file was stored, 400 when no data file was, 207 otherwise; one result per "
                    + "file. Without x-label, x-label-rule says how labels come from file names: first-dot "
                    + "(default), separator:TEXT or regex:PATTERN with one group.")
    ResponseEntity<FilesResponse> files(
            @PathVariable String category,
            @RequestPart("data") List<MultipartFile> data,
            @Parameter(hidden = true) @RequestHeader HttpHeaders headers) {
        ProjectGrant grant = access.requireApiKey(ApiKeyScope.INGEST);
        List<IncomingFile> incoming = data.stream()
                .map(f -> new IncomingFile(
                        f.getOriginalFilename() == null
                                        || f.getOriginalFilename().isBlank()
                                ? f.getName()
                                : f.getOriginalFilename(),
                        f::getInputStream))
                .toList();
        List<FileResult> results = ingestion.ingestBatch(
                grant.projectId(), EiHeaders.options(headers, UploadCategory.fromValue(category)), incoming);
        boolean all = results.stream().allMatch(FileResult::success);
        return ResponseEntity.status(FileResult.status(results)).body(new FilesResponse(all, results));
    }

    @PostMapping(path = "/api/{category:training|testing|anomaly}/data")
    @Operation(
            summary = "Upload a message (Edge Impulse)",
            description = "Upload one Edge Impulse JSON or CBOR message as the body; answers the sample's name as "
                    + "text (its id in the x-sample-id header).")
    @ApiResponse(
            responseCode = "200",
            description = "The sample was stored: its name as text, its id in x-sample-id, its URL in Location",
            content = @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string")))
    @RequestBody(
            description = "One Edge Impulse data acquisition message, JSON or CBOR (signed or not)",
            required = true,
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")),
                @Content(mediaType = "application/cbor", schema = @Schema(type = "string", format = "binary"))
            })
    ResponseEntity<String> data(
            @PathVariable String category,
            @Parameter(hidden = true) @RequestHeader HttpHeaders headers,
            HttpServletRequest request) {
        ProjectGrant grant = access.requireApiKey(ApiKeyScope.INGEST);
        if (request.getContentLengthLong() > ingestion.maxUploadBytes()) {
            throw new UploadTooLargeViolation("The body", ingestion.maxUploadBytes());
        }
        String fileName = EiHeaders.fileName(headers).orElse(defaultName(request.getContentType()));
        SampleRow row = ingestion.ingestOne(
                grant.projectId(),
                EiHeaders.options(headers, UploadCategory.fromValue(category)),
                new IncomingFile(fileName, request::getInputStream));
        return ResponseEntity.ok()
                .location(URI.create("/api/v1/projects/" + row.projectId() + "/samples/" + row.id()))
                .header("x-sample-id", row.id().toString())
                .contentType(MediaType.TEXT_PLAIN)
                .body(row.name());
    }

    private static String defaultName(String contentType) {
        return contentType != null && contentType.toLowerCase().contains("cbor") ? "sample.cbor" : "sample.json";
    }
}
