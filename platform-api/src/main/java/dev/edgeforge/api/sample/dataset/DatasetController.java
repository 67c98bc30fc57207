package dev.edgeforge.api.sample.dataset;

import dev.edgeforge.api.problem.ValidationViolation;
import dev.edgeforge.api.project.ProjectAccess;
import dev.edgeforge.api.project.ProjectGrant;
import dev.edgeforge.api.project.ProjectNotFoundException;
import dev.edgeforge.api.project.ProjectRole;
import dev.edgeforge.api.project.ProjectService;
import dev.edgeforge.api.sample.JsonFields;
import dev.edgeforge.api.sample.quota.StorageQuotaViolation;
import dev.edgeforge.api.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;

/** The dataset as a whole: summary, rebalance, export, versions. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/dataset")
@Tag(name = "Dataset")
class DatasetController {

    private final ProjectAccess access;
    private final ProjectService projects;
    private final DatasetSummaryService summaries;
    private final DatasetExporter exporter;
    private final DatasetVersionService versions;
    private final DatasetImportService imports;

    DatasetController(
            ProjectAccess access,
            ProjectService projects,
            DatasetSummaryService summaries,
            DatasetExporter exporter,
            DatasetVersionService versions,
            DatasetImportService imports) {
        this.imports = imports;
        this.access = access;
        this.projects = projects;
        this.summaries = summaries;
        this.exporter = exporter;
        this.versions = versions;
    }

    @GetMapping("/summary")
    @Operation(
            summary = "Dataset summary",
            description = "Counts and total duration per label and category, and the train/test ratio.")
    DatasetSummary summary(@PathVariable UUID projectId) {
        return summaries.summary(access.requireRole(projectId, ProjectRole.VIEWER));
    }

    @PostMapping("/rebalance")
    @Operation(
            summary = "Rebalance the split",
            description = "Move samples so that each label is 80% training, 20% testing (member).")
    DatasetSummaryService.Rebalance rebalance(@PathVariable UUID projectId) {
        return summaries.rebalance(access.requireRole(projectId, ProjectRole.MEMBER));
    }

    @GetMapping(path = "/export", produces = "application/zip")
    @Operation(
            summary = "Export the dataset",
            description = "The dataset as a ZIP of Edge Impulse JSON files in training/ and testing/ (images as "
                    + "they are) plus info.labels; uploading the ZIP imports it back.")
    ResponseEntity<StreamingResponseBody> export(@PathVariable UUID projectId) {
        ProjectGrant grant = access.requireRole(projectId, ProjectRole.VIEWER);
        String projectName = projects.get(grant).name().replaceAll("[^A-Za-z0-9._-]+", "-");
        String fileName = (projectName.isBlank() ? "dataset" : projectName) + "-dataset.zip";
        StreamingResponseBody body = out -> exporter.export(grant.projectId(), out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }

    @PostMapping("/versions")
    @Operation(
            summary = "Create a dataset version",
            description = "Snapshot the sample list as a named, immutable version (member).")
    ResponseEntity<DatasetVersionView> createVersion(@PathVariable UUID projectId, @RequestBody JsonNode body) {
        ProjectGrant grant = access.requireRole(projectId, ProjectRole.MEMBER);
        String name = JsonFields.of(body, Set.of("name")).string("name").orElse("");
        DatasetVersionView version = versions.create(grant, name);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + projectId + "/dataset/versions/" + version.id()))
                .body(version);
    }

    @GetMapping("/versions")
    @Operation(
            summary = "List dataset versions",
            description = "The dataset versions, newest first, with their counts.")
    List<DatasetVersionView> listVersions(@PathVariable UUID projectId) {
        return versions.list(access.requireRole(projectId, ProjectRole.VIEWER));
    }

    @GetMapping("/versions/{versionId}/compare")
    @Operation(
            summary = "Compare dataset versions",
            description = "Counts per label and category of a version and another version (with=VERSION_ID) or the "
                    + "current dataset (with=current).")
    DatasetComparison compare(
            @PathVariable UUID projectId,
            @PathVariable UUID versionId,
            @RequestParam(defaultValue = "current") String with) {
        return versions.compare(access.requireRole(projectId, ProjectRole.VIEWER), versionId, with);
    }

    /**
     * The body of {@code POST .../dataset/imports}.
     *
     * @param sourceProjectId the project whose dataset version to bring in (you must be able to read it)
     * @param versionId       one of its dataset versions
     */
    record DatasetImportRequest(UUID sourceProjectId, UUID versionId) {}

    @PostMapping("/imports")
    @Operation(
            summary = "Import a dataset version of another project",
            description = "Bring the samples of a dataset version of another project you can read into this one, "
                    + "with their names, labels, categories and settings (member). The samples share the source's "
                    + "stored files: no byte is copied, and the files stay while either project has a row for them. "
                    + "Samples whose file is gone are listed as missing. 404 when you cannot read the source project "
                    + "or it has no such version.")
    @ProblemResponses({
        ValidationViolation.class,
        ProjectNotFoundException.class,
        DatasetVersionNotFoundException.class,
        StorageQuotaViolation.class
    })
    DatasetImport importVersion(@PathVariable UUID projectId, @RequestBody DatasetImportRequest request) {
        ProjectGrant grant = access.requireRole(projectId, ProjectRole.MEMBER);
        if (request == null) {
            throw new ValidationViolation("body", "must be a JSON object with sourceProjectId and versionId");
        }
        return imports.importVersion(grant, request.sourceProjectId(), request.versionId());
    }

    @PostMapping("/versions/{versionId}/restore")
    @Operation(
            summary = "Restore a dataset version",
            description = "Restore names, labels, categories and enabled flags of a version; deleted samples come "
                    + "back when their bytes are still stored and are reported otherwise (member).")
    DatasetRestore restore(@PathVariable UUID projectId, @PathVariable UUID versionId) {
        return versions.restore(access.requireRole(projectId, ProjectRole.MEMBER), versionId);
    }
}
