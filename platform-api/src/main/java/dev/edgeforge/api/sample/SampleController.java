package dev.edgeforge.api.sample;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.edgeforge.api.project.ProjectAccess;
import dev.edgeforge.api.project.ProjectGrant;
import dev.edgeforge.api.project.ProjectRole;
import dev.edgeforge.api.security.ApiKeyScope;
import dev.edgeforge.core.impulse.ColorDepth;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.impulse.ResizeMode;
import dev.edgeforge.core.sample.EnergySplitOptions;
import dev.edgeforge.core.sample.SampleDataViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;

/** Samples of a project: upload, list, read, edit, plot, crop, split, bulk actions. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/samples")
@Tag(name = "Samples")
class SampleController {

    private final ProjectAccess access;
    private final SampleIngestion ingestion;
    private final SampleService samples;
    private final SampleBulkService bulk;
    private final SampleStorage storage;

    SampleController(
            ProjectAccess access,
            SampleIngestion ingestion,
            SampleService samples,
            SampleBulkService bulk,
            SampleStorage storage) {
        this.access = access;
        this.ingestion = ingestion;
        this.samples = samples;
        this.bulk = bulk;
        this.storage = storage;
    }

    /** One result per file; see {@link FileResult}. */
    record UploadResponse(List<FileResult> files) {}

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Upload samples",
            description = "Upload files as samples (ingest scope or member): Edge Impulse JSON/CBOR, CSV, WAV, "
                    + "PNG, JPEG, labels sidecars (info.labels), ZIP archives (a Studio export as it is). 200 when "
                    + "every file was stored, 400 when no data file was, 207 otherwise; one result per file.")
    ResponseEntity<UploadResponse> upload(
            @PathVariable UUID projectId,
            @RequestPart("files") List<MultipartFile> files,
            @RequestParam(required = false) String label,
            @RequestParam(defaultValue = "false") boolean noLabel,
            @Parameter(description = LABEL_RULE_DOC) @RequestParam(required = false) String labelRule,
            @RequestParam(defaultValue = "training") String category,
            @RequestParam(defaultValue = "false") boolean disallowDuplicates,
            @RequestParam(required = false) Double intervalMs) {
        ProjectGrant grant = access.requireScope(projectId, ApiKeyScope.INGEST);
        LabelChoice labelChoice = LabelChoice.of(label, noLabel, labelRule, "labelRule");
        if (intervalMs != null && !(intervalMs > 0 && Double.isFinite(intervalMs))) {
            throw new SampleRequestViolation("intervalMs", "must be a positive number of milliseconds");
        }
        IngestOptions options = new IngestOptions(
                UploadCategory.fromValue(category),
                labelChoice,
                disallowDuplicates,
                false,
                Map.of(),
                Optional.ofNullable(intervalMs));
        List<FileResult> results = ingestion.ingestBatch(grant.projectId(), options, incoming(files));
        return ResponseEntity.status(FileResult.status(results)).body(new UploadResponse(results));
    }

    static final String LABEL_RULE_DOC = "How each file's label comes from its name when no label is given: "
            + "first-dot (default, Edge Impulse's rule: 0_george_5.wav -> 0_george_5), separator:TEXT (separator:_ "
            + "-> 0), or regex:PATTERN, a Java pattern with one group (regex:^(\\d+)_ -> 0; a name it does not "
            + "match fails)";

    /** What the upload form shows before the upload starts: the label each chosen file will get. */
    record LabelPreviewRequest(String labelRule, List<String> fileNames) {}

    /**
     * @param labelRule the rule as read (its canonical text)
     * @param files     one per file name, in order: its label, or why it gets none
     */
    record LabelPreview(String labelRule, List<LabelPreviewItem> files) {}

    /**
     * @param label the label the upload will give it, {@code null} for none
     * @param error why the upload will refuse it (the rule gets no label from its name), else {@code null}
     */
    record LabelPreviewItem(String fileName, String label, String error) {}

    static final int MAX_PREVIEW_NAMES = 10_000;

    @PostMapping(path = "/label-preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Preview labels",
            description = "Preview the labels a label rule gives file names (ingest scope or member): the label "
                    + "each file of an upload will get, before it starts; 400 when the rule cannot be used.")
    LabelPreview labelPreview(@PathVariable UUID projectId, @RequestBody LabelPreviewRequest request) {
        access.requireScope(projectId, ApiKeyScope.INGEST);
        LabelChoice.FromFileName choice = new LabelChoice.FromFileName(
                LabelChoice.rule(request == null ? null : request.labelRule(), "labelRule"));
        List<String> names = request == null || request.fileNames() == null ? List.of() : request.fileNames();
        if (names.size() > MAX_PREVIEW_NAMES) {
            throw new SampleRequestViolation("fileNames", "must hold at most " + MAX_PREVIEW_NAMES + " names");
        }
        List<LabelPreviewItem> items = new ArrayList<>(names.size());
        for (String name : names) {
            if (name == null || name.length() > 4096) {
                throw new SampleRequestViolation("fileNames", "must be names of at most 4096 characters");
            }
            try {
                items.add(new LabelPreviewItem(name, choice.labelFor(name), null));
            } catch (SampleFileViolation e) {
                items.add(new LabelPreviewItem(name, null, e.detail()));
            }
        }
        return new LabelPreview(choice.rule().text(), items);
    }

    /** The multipart files as incoming files, in order. */
    static List<IncomingFile> incoming(List<MultipartFile> files) {
        List<IncomingFile> incoming = new ArrayList<>(files.size());
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename() == null
                            || file.getOriginalFilename().isBlank()
                    ? file.getName()
                    : file.getOriginalFilename();
            incoming.add(new IncomingFile(name, file::getInputStream));
        }
        return incoming;
    }

    @GetMapping
    @Operation(
            summary = "List samples",
            description = "List samples, newest first, with filters and keyset paging (pass 'next' as cursor).")
    SampleService.Page list(
            @PathVariable UUID projectId,
            @RequestParam(required = false) String label,
            @RequestParam(required = false) Boolean unlabeled,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String device,
            @RequestParam(required = false) Boolean enabled,
            @RequestParam(required = false) String signature,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        ProjectGrant grant = access.requireRole(projectId, ProjectRole.VIEWER);
        SampleFilter filter = new SampleFilter(
                label,
                unlabeled,
                category == null || category.isBlank() ? null : SampleCategory.fromValue(category),
                name,
                device,
                enabled,
                signature == null || signature.isBlank() ? null : SampleSignature.fromValue("signature", signature));
        return samples.list(grant, filter, cursor, limit);
    }

    @GetMapping("/{sampleId}")
    @Operation(
            summary = "Get a sample",
            description = "One sample's metadata: name, label, category, sensors, length, signature status.")
    SampleView get(@PathVariable UUID projectId, @PathVariable UUID sampleId) {
        return SampleView.of(samples.get(access.requireRole(projectId, ProjectRole.VIEWER), sampleId));
    }

    private static final Set<String> PATCH_FIELDS = Set.of("name", "label", "category", "enabled");

    @PatchMapping("/{sampleId}")
    @Operation(
            summary = "Change a sample",
            description = "Rename, relabel (null: no label), move or enable/disable a sample (member).")
    SampleView update(@PathVariable UUID projectId, @PathVariable UUID sampleId, @RequestBody JsonNode body) {
        ProjectGrant grant = access.requireRole(projectId, ProjectRole.MEMBER);
        JsonFields fields = JsonFields.of(body, PATCH_FIELDS);
        Optional<String> name = fields.string("name").map(n -> {
            String trimmed = n.strip();
            if (trimmed.isEmpty() || trimmed.length() > 255) {
                throw new SampleRequestViolation("name", "must be 1 to 255 characters");
            }
            return trimmed;
        });
        if (fields.isNull("name")) {
            throw new SampleRequestViolation("name", "cannot be null");
        }
        Optional<Optional<String>> label = !fields.has("label")
                ? Optional.empty()
                : Optional.of(fields.string("label").map(l -> JsonFields.checkLabel("label", l)));
        Optional<SampleCategory> category = fields.string("category").map(SampleCategory::fromValue);
        return SampleView.of(samples.update(
                grant, sampleId, new SampleService.Changes(name, label, category, fields.bool("enabled"))));
    }

    @DeleteMapping("/{sampleId}")
    @Operation(
            summary = "Delete a sample",
            description = "Delete a sample (member); a dataset version that lists it can bring it back while its "
                    + "bytes are kept.")
    ResponseEntity<Void> delete(@PathVariable UUID projectId, @PathVariable UUID sampleId) {
        samples.delete(access.requireRole(projectId, ProjectRole.MEMBER), sampleId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{sampleId}/raw")
    @Operation(
            summary = "Download a sample",
            description = "The sample's file as uploaded (or as last cropped), with its content type.")
    ResponseEntity<StreamingResponseBody> raw(@PathVariable UUID projectId, @PathVariable UUID sampleId) {
        SampleRow row = samples.get(access.requireRole(projectId, ProjectRole.VIEWER), sampleId);
        String fileName = row.name() + row.format().extension();
        ContentDisposition disposition = (row.format().isImage() || row.format() == StoredFormat.WAV
                        ? ContentDisposition.inline()
                        : ContentDisposition.attachment())
                .filename(fileName, StandardCharsets.UTF_8)
                .build();
        StreamingResponseBody body = out -> {
            try (InputStream in = storage.open(row)) {
                in.transferTo(out);
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(row.format().contentType()))
                .contentLength(row.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(body);
    }

    @GetMapping("/{sampleId}/data")
    @Operation(
            summary = "A sample's values",
            description = "The values for plotting: all of them, or min/max per bucket when more than maxPoints; "
                    + "startMs/endMs select a time range (zoom).")
    PlotData data(
            @PathVariable UUID projectId,
            @PathVariable UUID sampleId,
            @RequestParam(defaultValue = "0") double startMs,
            @RequestParam(required = false) Double endMs,
            @RequestParam(defaultValue = "2000") int maxPoints) {
        return samples.plot(access.requireRole(projectId, ProjectRole.VIEWER), sampleId, startMs, endMs, maxPoints);
    }

    // no "produces": a client asking for JSON still gets its 400 as a problem, not a 406
    @GetMapping("/{sampleId}/preview")
    @Operation(
            summary = "An image sample as the network sees it",
            description = "The image through an image input block with these settings (the impulse's, as the data "
                    + "page sends them): upright, transparency flattened onto the background, resized and cropped or "
                    + "padded by the integer resizer the features and the device use, grey when colorDepth is; a PNG "
                    + "of width × height pixels; 400 for a sample that is not an image.")
    ResponseEntity<byte[]> preview(
            @PathVariable UUID projectId,
            @PathVariable UUID sampleId,
            @RequestParam(defaultValue = "96") int width,
            @RequestParam(defaultValue = "96") int height,
            @RequestParam(defaultValue = "fit-shortest") String resizeMode,
            @RequestParam(defaultValue = "rgb") String colorDepth,
            @RequestParam(defaultValue = ImageInput.DEFAULT_BACKGROUND) String background) {
        ProjectGrant grant = access.requireRole(projectId, ProjectRole.VIEWER);
        ImageInput input = new ImageInput(
                width,
                height,
                choice(ResizeMode.class, "resizeMode", resizeMode),
                choice(ColorDepth.class, "colorDepth", colorDepth),
                background);
        input.check().stream().findFirst().ifPresent(error -> {
            throw new SampleRequestViolation(error.field().replace("input.", ""), error.message());
        });
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(samples.preview(grant, sampleId, input));
    }

    /** The constant of {@code type} whose JSON name ({@code @JsonProperty}) is {@code value}; 400 naming the field. */
    private static <E extends Enum<E>> E choice(Class<E> type, String field, String value) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            String name;
            try {
                JsonProperty json = type.getField(constant.name()).getAnnotation(JsonProperty.class);
                name = json == null ? constant.name() : json.value();
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
            if (name.equals(value)) {
                return constant;
            }
            names.add(name);
        }
        throw new SampleRequestViolation(field, "must be one of " + String.join(", ", names));
    }

    @GetMapping("/{sampleId}/spectrogram")
    @Operation(
            summary = "A sample's spectrogram",
            description = "A spectrogram of one axis (dB, scaled to bytes) for display.")
    Spectrogram spectrogram(
            @PathVariable UUID projectId,
            @PathVariable UUID sampleId,
            @RequestParam(defaultValue = "0") int axis,
            @RequestParam(defaultValue = "600") int maxFrames) {
        return samples.spectrogram(access.requireRole(projectId, ProjectRole.VIEWER), sampleId, axis, maxFrames);
    }

    @GetMapping(path = "/{sampleId}/audio", produces = "audio/wav")
    @Operation(summary = "A sample as audio", description = "The sample as WAV audio for a player.")
    ResponseEntity<byte[]> audio(@PathVariable UUID projectId, @PathVariable UUID sampleId) {
        byte[] wav = samples.audio(access.requireRole(projectId, ProjectRole.VIEWER), sampleId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("audio/wav"))
                .body(wav);
    }

    private static final Set<String> CROP_FIELDS = Set.of("startMs", "endMs");

    @PostMapping("/{sampleId}/crop")
    @Operation(summary = "Crop a sample", description = "Keep only [startMs, endMs) of the sample (member).")
    SampleView crop(@PathVariable UUID projectId, @PathVariable UUID sampleId, @RequestBody JsonNode body) {
        ProjectGrant grant = access.requireRole(projectId, ProjectRole.MEMBER);
        JsonFields fields = JsonFields.of(body, CROP_FIELDS);
        return SampleView.of(
                samples.crop(grant, sampleId, fields.requiredNumber("startMs"), fields.requiredNumber("endMs")));
    }

    private static final Set<String> SPLIT_FIELDS = Set.of(
            "mode",
            "lengthMs",
            "keepShorterLast",
            "thresholdRms",
            "minLengthMs",
            "frameMs",
            "paddingMs",
            "keepOriginal");

    @PostMapping("/{sampleId}/split")
    @Operation(
            summary = "Split a sample",
            description = "Split into new samples: {mode: fixed, lengthMs} or {mode: energy, thresholdRms, "
                    + "minLengthMs?, frameMs?, paddingMs?}; the original is deleted unless keepOriginal (member).")
    SampleService.SplitResult split(
            @PathVariable UUID projectId, @PathVariable UUID sampleId, @RequestBody JsonNode body) {
        ProjectGrant grant = access.requireRole(projectId, ProjectRole.MEMBER);
        JsonFields fields = JsonFields.of(body, SPLIT_FIELDS);
        String mode = fields.string("mode")
                .orElseThrow(() -> new SampleRequestViolation("mode", "is required: 'fixed' or 'energy'"));
        SampleService.SplitMode splitMode;
        try {
            splitMode = switch (mode) {
                case "fixed" ->
                    new SampleService.SplitMode.Fixed(
                            fields.requiredNumber("lengthMs"),
                            fields.bool("keepShorterLast").orElse(false));
                case "energy" ->
                    new SampleService.SplitMode.Energy(new EnergySplitOptions(
                            fields.number("frameMs").orElse(20.0), fields.requiredNumber("thresholdRms"),
                            fields.number("minLengthMs").orElse(0.0),
                                    fields.number("paddingMs").orElse(0.0)));
                default -> throw new SampleRequestViolation("mode", "must be 'fixed' or 'energy', got '" + mode + "'");
            };
        } catch (SampleDataViolation e) {
            throw new SampleOperationViolation("Cannot split with these settings: " + e.getMessage() + ".");
        }
        return samples.split(
                grant, sampleId, splitMode, fields.bool("keepOriginal").orElse(false));
    }

    private static final Set<String> BULK_FIELDS = Set.of("filter", "ids", "action", "label", "category");
    private static final Set<String> FILTER_FIELDS =
            Set.of("label", "unlabeled", "category", "name", "device", "enabled", "signature");

    @PostMapping("/bulk")
    @Operation(
            summary = "Change many samples",
            description = "Relabel, move, enable, disable or delete a filtered selection or a list of ids, or "
                    + "check the signatures of its unverified and invalid samples against the project's HMAC keys "
                    + "now (verify) (member).")
    SampleBulkService.Result bulk(@PathVariable UUID projectId, @RequestBody JsonNode body) {
        ProjectGrant grant = access.requireRole(projectId, ProjectRole.MEMBER);
        JsonFields fields = JsonFields.of(body, BULK_FIELDS);
        SampleBulkService.Action action = SampleBulkService.Action.fromValue(
                fields.string("action").orElseThrow(() -> new SampleRequestViolation("action", "is required")));
        SampleFilter filter = fields.has("filter") ? filter(JsonFields.of(fields.node("filter"), FILTER_FIELDS)) : null;
        List<UUID> ids = fields.has("ids") ? ids(fields.node("ids")) : null;
        String label = null;
        if (action == SampleBulkService.Action.RELABEL) {
            if (!fields.has("label")) {
                throw new SampleRequestViolation("label", "is required to relabel (null for no label)");
            }
            label = fields.string("label")
                    .map(l -> JsonFields.checkLabel("label", l))
                    .orElse(null);
        }
        SampleCategory category =
                fields.string("category").map(SampleCategory::fromValue).orElse(null);
        return bulk.apply(grant, new SampleBulkService.Request(filter, ids, action, label, category));
    }

    private static SampleFilter filter(JsonFields f) {
        return new SampleFilter(
                f.string("label").orElse(null),
                f.bool("unlabeled").orElse(null),
                f.string("category")
                        .filter(c -> !c.isBlank())
                        .map(SampleCategory::fromValue)
                        .orElse(null),
                f.string("name").orElse(null),
                f.string("device").orElse(null),
                f.bool("enabled").orElse(null),
                f.string("signature")
                        .filter(v -> !v.isBlank())
                        .map(v -> SampleSignature.fromValue("filter.signature", v))
                        .orElse(null));
    }

    private static List<UUID> ids(JsonNode node) {
        if (!node.isArray()) {
            throw new SampleRequestViolation("ids", "must be an array of sample ids");
        }
        List<UUID> ids = new ArrayList<>();
        for (JsonNode id : node) {
            try {
                ids.add(UUID.fromString(id.asString()));
            } catch (IllegalArgumentException e) {
                throw new SampleRequestViolation("ids", "holds '" + id.asString() + "', which is not a sample id");
            }
        }
        return ids;
    }
}
