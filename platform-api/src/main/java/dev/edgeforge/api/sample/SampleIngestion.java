package dev.edgeforge.api.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import dev.edgeforge.api.project.HmacKeyService;
import dev.edgeforge.api.project.SignedDataPolicy;
import dev.edgeforge.api.project.UnsignedDataViolation;
import dev.edgeforge.core.format.ParsedSample;
import dev.edgeforge.core.format.SampleFormat;
import dev.edgeforge.core.format.SampleFormatException;
import dev.edgeforge.core.format.SampleFormats;
import dev.edgeforge.core.format.SampleParseOptions;
import dev.edgeforge.core.format.SampleParsers;
import dev.edgeforge.core.format.csv.CsvReadOptions;
import dev.edgeforge.core.format.ei.EiSignatureStatus;
import dev.edgeforge.core.format.ei.EiSignatureVerifier;
import dev.edgeforge.core.format.ei.SignatureVerification;
import dev.edgeforge.core.format.labels.BoundingBox;
import dev.edgeforge.core.format.labels.LabelsFiles;
import dev.edgeforge.core.sample.SampleData;

/**
 * Turns uploaded files into samples: spool and hash, read with the platform-core parsers, check HMAC signatures
 * against the project's keys, store the bytes, insert the row. Used by the REST upload, the Edge Impulse-compatible
 * endpoints and the browser.
 *
 * <p>A batch keeps going when a file fails: each file gets its own {@link FileResult}. Labels sidecars
 * ({@code info.labels}, {@code bounding_boxes.labels}) anywhere in the batch apply to the files they list, and a ZIP
 * file is unpacked into its entries (so an export imports back in one request).
 */
@Service
public class SampleIngestion {

    private static final ProblemType LABELS_INVALID = new ProblemType("labels-file-invalid",
            HttpStatus.BAD_REQUEST, "Labels file is not valid");
    private static final int DETECT_BYTES = 512;

    private final UploadSpooler spooler;
    private final SampleStorage storage;
    private final HmacKeyService hmacKeys;
    private final SignedDataPolicy signedData;
    private final Clock clock;
    private final int maxFiles;

    SampleIngestion(UploadSpooler spooler, SampleStorage storage, HmacKeyService hmacKeys,
                    SignedDataPolicy signedData, Clock clock, DatasetProperties properties) {
        this.spooler = spooler;
        this.storage = storage;
        this.hmacKeys = hmacKeys;
        this.signedData = signedData;
        this.clock = clock;
        this.maxFiles = properties.maxFilesPerRequest();
    }

    /** Stores every file it can; one result per file (per ZIP entry), in order. */
    public List<FileResult> ingestBatch(UUID projectId, IngestOptions options, List<IncomingFile> files) {
        if (files.size() > maxFiles) {
            throw new SampleRequestViolation("files", "holds " + files.size() + " files; at most " + maxFiles
                    + " are accepted per request");
        }
        List<Slot> slots = new ArrayList<>();
        try {
            for (IncomingFile file : files) {
                spoolInto(slots, file);
            }
            SidecarLabels sidecars = readSidecars(slots);
            Supplier<List<String>> secrets = memoize(() -> hmacKeys.secrets(projectId));
            List<FileResult> results = new ArrayList<>(slots.size());
            for (Slot slot : slots) {
                if (slot.result != null) {
                    results.add(slot.result);
                    continue;
                }
                try {
                    SampleRow row = store(projectId, options, slot.spool, sidecars.find(slot.spool.fileName()),
                            secrets);
                    results.add(FileResult.stored(slot.spool.fileName(), row));
                } catch (UnsignedDataViolation e) {
                    // the device is not trusted with this project's data: the whole request is refused (401)
                    throw e;
                } catch (EdgeForgeException e) {
                    results.add(FileResult.failed(slot.spool.fileName(), e.code(), e.detail()));
                }
            }
            return results;
        } finally {
            slots.forEach(Slot::close);
        }
    }

    /**
     * Stores one file sent alone (the Edge Impulse {@code /data} endpoints).
     *
     * @throws SampleFileViolation      malformed, unsupported, wrongly signed (400)
     * @throws UploadTooLargeViolation  over the limit (413)
     * @throws DuplicateSampleViolation duplicates refused and already present (409)
     */
    public SampleRow ingestOne(UUID projectId, IngestOptions options, IncomingFile file) {
        try (UploadSpool spool = spool(file)) {
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

    private void spoolInto(List<Slot> slots, IncomingFile file) {
        UploadSpool spool;
        try {
            spool = spool(file);
        } catch (UploadTooLargeViolation e) {
            slots.add(Slot.failed(FileResult.failed(file.fileName(), e.code(), e.detail())));
            return;
        }
        if (!isZip(spool)) {
            slots.add(new Slot(spool, null));
            return;
        }
        try (spool; ZipInputStream zip = new ZipInputStream(spool.open())) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (entry.isDirectory() || name.startsWith("__MACOSX/") || FileNames.baseName(name).startsWith(".")) {
                    continue;
                }
                if (slots.size() >= maxFiles) {
                    throw new SampleRequestViolation("files", "'" + file.fileName() + "' holds more than " + maxFiles
                            + " files; at most " + maxFiles + " are accepted per request");
                }
                try {
                    slots.add(new Slot(spooler.spool(name, zip), null));
                } catch (UploadTooLargeViolation e) {
                    slots.add(Slot.failed(FileResult.failed(name, e.code(), e.detail())));
                }
            }
        } catch (IOException e) {
            slots.add(Slot.failed(FileResult.failed(file.fileName(), SampleFileViolation.MALFORMED.code(),
                    file.fileName() + ": not a readable ZIP archive (" + e.getMessage() + ")")));
        }
    }

    private static boolean isZip(UploadSpool spool) {
        byte[] head = spool.head(4);
        return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    private SidecarLabels readSidecars(List<Slot> slots) {
        SidecarLabels sidecars = new SidecarLabels();
        for (Slot slot : slots) {
            if (slot.spool == null || !isLabelsFile(slot.spool)) {
                continue;
            }
            try {
                sidecars.add(slot.spool.fileName(), LabelsFiles.read(slot.spool.readAll()));
                slot.result = FileResult.sidecar(slot.spool.fileName());
            } catch (SampleFormatException e) {
                slot.result = FileResult.failed(slot.spool.fileName(), LABELS_INVALID.code(),
                        e.forFile(slot.spool.fileName()).getMessage());
            } catch (SampleRequestViolation e) {
                slot.result = FileResult.failed(slot.spool.fileName(), LABELS_INVALID.code(),
                        slot.spool.fileName() + ": " + e.errors().get(0).field() + " " + e.errors().get(0).message());
            }
        }
        return sidecars;
    }

    private static boolean isLabelsFile(UploadSpool spool) {
        return spool.baseName().toLowerCase(Locale.ROOT).endsWith(".labels")
                || SampleFormats.detect(spool.baseName(), spool.head(DETECT_BYTES)) == SampleFormat.LABELS;
    }

    private SampleRow store(UUID projectId, IngestOptions options, UploadSpool spool,
                            Optional<SidecarLabels.FileLabels> sidecar, Supplier<List<String>> secrets) {
        byte[] bytes = spool.readAll();
        ParsedSample parsed = parse(spool.fileName(), bytes, options);
        String signatureStatus = null;
        if (parsed.signatureStatus().isPresent()) {
            signatureStatus = verifySignature(spool.fileName(), bytes, parsed.signatureStatus().get(), secrets.get())
                    .name();
        }
        // issue #10, the project setting "require signed data": here, where the signature status is known
        signedData.check(projectId, spool.fileName(),
                Optional.ofNullable(signatureStatus).map(EiSignatureStatus::valueOf));
        SampleData data = parsed.data();
        String name = sidecar.flatMap(SidecarLabels.FileLabels::name).orElse(FileNames.sampleName(spool.fileName()));
        if (options.addDateId()) {
            name = name + "." + uniqueId();
        }
        LabelChoice labelChoice = sidecar.flatMap(SidecarLabels.FileLabels::label).orElse(options.label());
        UploadCategory category = sidecar.flatMap(SidecarLabels.FileLabels::category).orElse(options.category());
        Map<String, String> metadata = new LinkedHashMap<>(options.metadata());
        sidecar.ifPresent(s -> metadata.putAll(s.metadata()));
        List<BoundingBox> boxes = sidecar.map(SidecarLabels.FileLabels::boxes).orElse(List.of());
        Instant now = clock.instant();
        String objectKey = SampleStorage.objectKey(projectId, spool.sha256());
        SampleRow row = new SampleRow(UUID.randomUUID(), projectId, truncate(name),
                labelChoice.labelFor(spool.fileName()),
                category.resolve(spool.sha256()), StoredFormat.of(parsed.format()), spool.sha256(), objectKey,
                spool.size(), data.sensors(), data.intervalMs(), data.frequencyHz(), data.length(), data.durationMs(),
                data.deviceName().map(SampleIngestion::truncate).orElse(null),
                data.deviceType().map(SampleIngestion::truncate).orElse(null), metadata,
                data.image().orElse(null), boxes, signatureStatus, true, now, now);
        storage.storeIfMissing(objectKey, spool.content());
        storage.insert(row, spool.content(), options.disallowDuplicates());
        return row;
    }

    private ParsedSample parse(String fileName, byte[] bytes, IngestOptions options) {
        SampleParseOptions parseOptions = SampleParseOptions.defaults().withMaxBytes(spooler.maxUploadBytes());
        if (options.csvIntervalMs().isPresent()) {
            parseOptions = parseOptions.withCsv(CsvReadOptions.defaults()
                    .withIntervalMs(options.csvIntervalMs().get()));
        }
        try {
            return SampleParsers.parse(fileName, bytes, parseOptions);
        } catch (SampleFormatException e) {
            throw switch (e.reason()) {
                case MALFORMED -> new SampleFileViolation(SampleFileViolation.MALFORMED, e.getMessage());
                case UNSUPPORTED -> new SampleFileViolation(SampleFileViolation.UNSUPPORTED, e.getMessage());
                case INVALID_SIGNATURE -> new SampleFileViolation(SampleFileViolation.INVALID_SIGNATURE,
                        e.getMessage());
                case TOO_LARGE -> new UploadTooLargeViolation("'" + fileName + "'", spooler.maxUploadBytes());
            };
        }
    }

    /**
     * HS256 messages must verify with one of the project's HMAC keys; unsigned ones ({@code alg: none}) are stored
     * as unsigned.
     */
    private static EiSignatureStatus verifySignature(String fileName, byte[] message, EiSignatureStatus status,
                                                     List<String> secrets) {
        if (status != EiSignatureStatus.NOT_VERIFIED) {
            return status;
        }
        SignatureVerification last = null;
        for (String secret : secrets) {
            last = EiSignatureVerifier.verify(message, secret);
            if (last.isValid()) {
                return EiSignatureStatus.VERIFIED;
            }
            if (last.outcome() != SignatureVerification.Outcome.MISMATCH) {
                throw new SampleFileViolation(SampleFileViolation.INVALID_SIGNATURE, fileName + ": " + last.detail());
            }
        }
        if (last == null) {
            throw new SampleFileViolation(SampleFileViolation.INVALID_SIGNATURE, fileName
                    + ": the message is signed (alg HS256) but the project has no HMAC key to verify its signature;"
                    + " add the device's key under Keys, HMAC keys");
        }
        String signature = last.signature().orElse("");
        throw new SampleFileViolation(SampleFileViolation.INVALID_SIGNATURE, fileName + ": signature '" + signature
                + "' does not match the HMAC-SHA256 of the message under any of the project's " + secrets.size()
                + " HMAC key(s)");
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

    /** One file of a batch: spooled, or already decided (a failure, a sidecar). */
    private static final class Slot implements AutoCloseable {
        final UploadSpool spool;
        FileResult result;

        Slot(UploadSpool spool, FileResult result) {
            this.spool = spool;
            this.result = result;
        }

        static Slot failed(FileResult result) {
            return new Slot(null, result);
        }

        @Override
        public void close() {
            if (spool != null) {
                spool.close();
            }
        }
    }
}
