package dev.edgeforge.api.sample;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import dev.edgeforge.api.project.HmacKeyService;
import dev.edgeforge.api.project.SignedDataPolicy;
import dev.edgeforge.api.project.UnsignedDataViolation;
import dev.edgeforge.api.sample.quota.StorageQuotaService;
import dev.edgeforge.api.sample.quota.StorageQuotaViolation;
import dev.edgeforge.core.format.ParsedSample;
import dev.edgeforge.core.format.SampleFormat;
import dev.edgeforge.core.format.SampleFormatException;
import dev.edgeforge.core.format.SampleFormats;
import dev.edgeforge.core.format.SampleParseOptions;
import dev.edgeforge.core.format.SampleParsers;
import dev.edgeforge.core.format.csv.CsvReadOptions;
import dev.edgeforge.core.format.ei.EiSignatureStatus;
import dev.edgeforge.core.format.ei.EiSignatureVerifier;
import dev.edgeforge.core.format.labels.BoundingBox;
import dev.edgeforge.core.format.labels.LabelsFiles;
import dev.edgeforge.core.sample.SampleData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Turns uploaded files into samples: spool and hash, read with the platform-core parsers, check HMAC signatures
 * against the project's keys, store the bytes, insert the row. Used by the REST upload, the Edge Impulse-compatible
 * endpoints and the browser.
 *
 * <p>A batch keeps going when a file fails: each file gets its own {@link FileResult}. Labels sidecars
 * ({@code info.labels}, {@code bounding_boxes.labels}) anywhere in the batch apply to the files they list, and a ZIP
 * file is unpacked into its entries (so an export imports back in one request).
 *
 * <p>A request as a whole is bounded before anything of it is stored: every file is spooled first, counted by an
 * {@link UploadAllowance} (bytes once unpacked, ZIP entries, compression ratio), and the new content is checked
 * against the project's storage quota. Past any of these the request is refused whole (413) and every spool is
 * deleted. Files are then parsed one at a time within the server-wide {@link ParseMemoryBudget}.
 */
@Service
public class SampleIngestion {

    private static final ProblemType LABELS_INVALID =
            new ProblemType("labels-file-invalid", HttpStatus.BAD_REQUEST, "Labels file is not valid");
    private static final int DETECT_BYTES = 512;

    private final UploadSpooler spooler;
    private final ZipUnpacker unpacker;
    private final SampleStorage storage;
    private final SampleCommits commits;
    private final HmacKeyService hmacKeys;
    private final SignedDataPolicy signedData;
    private final StorageQuotaService quotas;
    private final ParseMemoryBudget memory;
    private final Clock clock;
    private final DatasetProperties limits;

    SampleIngestion(
            UploadSpooler spooler,
            SampleStorage storage,
            SampleCommits commits,
            HmacKeyService hmacKeys,
            SignedDataPolicy signedData,
            StorageQuotaService quotas,
            ParseMemoryBudget memory,
            Clock clock,
            DatasetProperties limits) {
        this.spooler = spooler;
        this.unpacker = new ZipUnpacker(spooler);
        this.storage = storage;
        this.commits = commits;
        this.hmacKeys = hmacKeys;
        this.signedData = signedData;
        this.quotas = quotas;
        this.memory = memory;
        this.clock = clock;
        this.limits = limits;
    }

    /**
     * Stores every file it can; one result per file (per ZIP entry), in order.
     *
     * @throws SampleRequestViolation    more files than {@code max-files-per-request} (400)
     * @throws RequestTooLargeViolation  past the request's expanded bytes or ZIP entry counts (413)
     * @throws CompressionBombViolation  a ZIP archive or entry expands too much (413)
     * @throws StorageQuotaViolation     the new content would pass the project's storage quota (413)
     */
    public List<FileResult> ingestBatch(UUID projectId, IngestOptions options, List<IncomingFile> files) {
        if (files.size() > limits.maxFilesPerRequest()) {
            throw new SampleRequestViolation(
                    "files",
                    "holds " + files.size() + " files; at most " + limits.maxFilesPerRequest()
                            + " are accepted per request");
        }
        UploadAllowance allowance = new UploadAllowance(limits);
        List<UploadSlot> slots = new ArrayList<>();
        try {
            for (IncomingFile file : files) {
                spoolInto(slots, file, allowance);
            }
            SidecarLabels sidecars = readSidecars(slots);
            quotas.requireRoom(projectId, contents(slots));
            Supplier<List<String>> secrets = memoize(() -> hmacKeys.secrets(projectId));
            List<FileResult> results = new ArrayList<>(slots.size());
            for (UploadSlot slot : slots) {
                if (slot.result != null) {
                    results.add(slot.result);
                    continue;
                }
                try {
                    SampleRow row =
                            store(projectId, options, slot.spool, sidecars.find(slot.spool.fileName()), secrets);
                    results.add(FileResult.stored(slot.spool.fileName(), row));
                } catch (UnsignedDataViolation e) {
                    // the device is not trusted with this project's data: the whole request is refused (401)
                    throw e;
                } catch (EdgeForgeException e) {
                    results.add(FileResult.failed(slot.spool.fileName(), e.code(), e.detail()));
                } finally {
                    slot.close(); // its bytes are stored or refused: free the disk as the batch goes
                }
            }
            return results;
        } finally {
            slots.forEach(UploadSlot::close);
        }
    }

    /**
     * Stores one file sent alone (the Edge Impulse {@code /data} endpoints).
     *
     * @throws SampleFileViolation      malformed, unsupported, wrongly signed (400)
     * @throws UploadTooLargeViolation  over the limit (413)
     * @throws StorageQuotaViolation    past the project's storage quota (413)
     * @throws DuplicateSampleViolation duplicates refused and already present (409)
     * @throws ServerBusyViolation      no parse memory free in time (503)
     */
    public SampleRow ingestOne(UUID projectId, IngestOptions options, IncomingFile file) {
        try (UploadSpool spool = spool(file)) {
            quotas.requireRoom(projectId, Map.of(spool.sha256(), spool.size()));
            return store(projectId, options, spool, Optional.empty(), () -> hmacKeys.secrets(projectId));
        }
    }

    /** The largest file accepted. */
    public long maxUploadBytes() {
        return spooler.maxUploadBytes();
    }

    private UploadSpool spool(IncomingFile file) {
        try (InputStream in = file.content().open()) {
            return spooler.spool(file.fileName(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading upload '" + file.fileName() + "'", e);
        }
    }

    private void spoolInto(List<UploadSlot> slots, IncomingFile file, UploadAllowance allowance) {
        UploadSpool spool;
        try {
            spool = spool(file);
        } catch (UploadTooLargeViolation e) {
            slots.add(UploadSlot.failed(FileResult.failed(file.fileName(), e.code(), e.detail())));
            return;
        }
        if (ZipUnpacker.isZip(spool)) {
            try (spool) {
                unpacker.unpack(file.fileName(), spool, allowance, slots);
            }
            return;
        }
        UploadSlot slot = new UploadSlot(spool);
        slots.add(slot); // closed with the others should the allowance refuse the request
        allowance.addFile(file.fileName(), spool.size());
    }

    /** Size of each distinct content of the batch that may be stored (sidecars are not), by sha256. */
    private static Map<String, Long> contents(List<UploadSlot> slots) {
        Map<String, Long> contents = new HashMap<>();
        for (UploadSlot slot : slots) {
            if (slot.result == null && slot.spool != null) {
                contents.put(slot.spool.sha256(), slot.spool.size());
            }
        }
        return contents;
    }

    private SidecarLabels readSidecars(List<UploadSlot> slots) {
        SidecarLabels sidecars = new SidecarLabels();
        for (UploadSlot slot : slots) {
            if (slot.spool == null || !isLabelsFile(slot.spool)) {
                continue;
            }
            String fileName = slot.spool.fileName();
            try (ParseMemoryBudget.Lease lease = memory.reserve("'" + fileName + "'", slot.spool.size())) {
                sidecars.add(fileName, LabelsFiles.read(slot.spool.readAll()));
                slot.result = FileResult.sidecar(fileName);
            } catch (SampleFormatException e) {
                slot.result = FileResult.failed(
                        fileName, LABELS_INVALID.code(), e.forFile(fileName).getMessage());
            } catch (SampleRequestViolation e) {
                slot.result = FileResult.failed(
                        fileName,
                        LABELS_INVALID.code(),
                        fileName + ": " + e.errors().get(0).field() + " "
                                + e.errors().get(0).message());
            } catch (ServerBusyViolation e) {
                slot.result = FileResult.failed(fileName, e.code(), e.detail());
            }
        }
        return sidecars;
    }

    private static boolean isLabelsFile(UploadSpool spool) {
        return spool.baseName().toLowerCase(Locale.ROOT).endsWith(".labels")
                || SampleFormats.detect(spool.baseName(), spool.head(DETECT_BYTES)) == SampleFormat.LABELS;
    }

    private SampleRow store(
            UUID projectId,
            IngestOptions options,
            UploadSpool spool,
            Optional<SidecarLabels.FileLabels> sidecar,
            Supplier<List<String>> secrets) {
        SampleRow row;
        try (ParseMemoryBudget.Lease lease = memory.reserve("'" + spool.fileName() + "'", spool.size())) {
            row = read(projectId, options, spool, sidecar, secrets);
        }
        // the parsed values are garbage from here on: storing the bytes holds no parse memory
        storage.storeIfMissing(row.objectKey(), spool.content());
        // committed with the rows of other uploads arriving meanwhile (group commit); returns once durable
        return commits.insert(row, spool.content(), options.disallowDuplicates());
    }

    /** Parses the file and checks its signature: the row to insert. */
    private SampleRow read(
            UUID projectId,
            IngestOptions options,
            UploadSpool spool,
            Optional<SidecarLabels.FileLabels> sidecar,
            Supplier<List<String>> secrets) {
        ParsedSample parsed = parse(spool, options);
        Optional<EiSignatureStatus> signature =
                parsed.signatureStatus().map(status -> checkSignature(spool, status, secrets));
        // issue #10, the project setting "require signed data": here, where the signature status is known
        signedData.check(projectId, spool.fileName(), signature);
        SampleData data = parsed.data();
        String name = sidecar.flatMap(SidecarLabels.FileLabels::name).orElse(FileNames.sampleName(spool.fileName()));
        if (options.addDateId()) {
            name = name + "." + uniqueId();
        }
        LabelChoice labelChoice =
                sidecar.flatMap(SidecarLabels.FileLabels::label).orElse(options.label());
        UploadCategory category =
                sidecar.flatMap(SidecarLabels.FileLabels::category).orElse(options.category());
        Map<String, String> metadata = new LinkedHashMap<>(options.metadata());
        sidecar.ifPresent(s -> metadata.putAll(s.metadata()));
        List<BoundingBox> boxes = sidecar.map(SidecarLabels.FileLabels::boxes).orElse(List.of());
        boolean enabled = sidecar.flatMap(SidecarLabels.FileLabels::enabled).orElse(true);
        String label = labelChoice.labelFor(spool.fileName());
        StorableText.requireAll(
                spool.fileName(),
                name,
                label,
                data.sensors(),
                data.deviceName().orElse(null),
                data.deviceType().orElse(null),
                metadata,
                boxes);
        Instant now = clock.instant();
        String objectKey = SampleStorage.objectKey(projectId, spool.sha256());
        return new SampleRow(
                UUID.randomUUID(),
                projectId,
                truncate(name),
                label,
                category.resolve(spool.sha256()),
                StoredFormat.of(parsed.format()),
                spool.sha256(),
                objectKey,
                spool.size(),
                data.sensors(),
                data.intervalMs(),
                data.frequencyHz(),
                data.length(),
                data.durationMs(),
                data.deviceName().map(SampleIngestion::truncate).orElse(null),
                data.deviceType().map(SampleIngestion::truncate).orElse(null),
                metadata,
                data.image().orElse(null),
                boxes,
                signature.map(Enum::name).orElse(null),
                ContentOrigin.UPLOADED,
                enabled,
                now,
                now);
    }

    private ParsedSample parse(UploadSpool spool, IngestOptions options) {
        String fileName = spool.fileName();
        SampleParseOptions parseOptions = SampleParseOptions.defaults().withMaxBytes(spooler.maxUploadBytes());
        if (options.csvIntervalMs().isPresent()) {
            parseOptions = parseOptions.withCsv(CsvReadOptions.defaults()
                    .withIntervalMs(options.csvIntervalMs().get()));
        }
        try {
            return SampleParsers.parse(fileName, spool.input(), parseOptions);
        } catch (SampleFormatException e) {
            throw switch (e.reason()) {
                case MALFORMED -> new SampleFileViolation(SampleFileViolation.MALFORMED, e.getMessage());
                case UNSUPPORTED -> new SampleFileViolation(SampleFileViolation.UNSUPPORTED, e.getMessage());
                case INVALID_SIGNATURE ->
                    new SampleFileViolation(SampleFileViolation.INVALID_SIGNATURE, e.getMessage());
                // the spooler has already held the bytes to the limit: what is too large here is what the file
                // declares, e.g. an image's pixels, and the parser's message says which
                case TOO_LARGE -> UploadTooLargeViolation.declared(e.getMessage());
            };
        }
    }

    /**
     * What the project's HMAC keys say of a message's signature. As in Edge Impulse, a message is stored whatever
     * they say and marked: verified, unverified (no key to check it with: data from another project, such as a Studio
     * export, until its key is added), or invalid (the keys disprove it). The keys are read only for signed messages.
     */
    private static EiSignatureStatus checkSignature(
            UploadSpool spool, EiSignatureStatus parsed, Supplier<List<String>> secrets) {
        if (parsed == EiSignatureStatus.NOT_SIGNED) {
            return parsed;
        }
        try {
            return EiSignatureVerifier.check(spool.readAll(), secrets.get()).status();
        } catch (SampleFormatException e) {
            // it was just read without trouble: only a damaged spool gets here
            throw new SampleFileViolation(
                    SampleFileViolation.MALFORMED, e.forFile(spool.fileName()).getMessage());
        }
    }

    /** A short id that makes names unique, as Edge Impulse's {@code x-add-date-id} does. */
    private String uniqueId() {
        return Long.toString(clock.instant().toEpochMilli(), 36)
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
    }

    private static String truncate(String s) {
        return s.length() > 255 ? s.substring(0, 255) : s;
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
