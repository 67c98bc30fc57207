package dev.edgeforge.api.sample;

import dev.edgeforge.api.project.ProjectGrant;
import dev.edgeforge.api.sample.quota.StorageQuotaService;
import dev.edgeforge.core.feature.FeatureSource;
import dev.edgeforge.core.format.SampleParseOptions;
import dev.edgeforge.core.format.SampleParsers;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.impulse.ImageResizer;
import dev.edgeforge.core.impulse.RgbImage;
import dev.edgeforge.core.sample.EnergySplitOptions;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.SampleDataViolation;
import dev.edgeforge.core.sample.SampleSegment;
import dev.edgeforge.core.sample.SampleSplitter;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** One sample at a time: read, list, edit, delete, plot, crop and split. Access is checked by the callers. */
@Service
public class SampleService {

    /** Largest page of the list. */
    public static final int MAX_PAGE = 1000;

    private final SampleRepository samples;
    private final SampleStorage storage;
    private final SampleContent content;
    private final StorageQuotaService quotas;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SampleService(
            SampleRepository samples,
            SampleStorage storage,
            SampleContent content,
            StorageQuotaService quotas,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.samples = samples;
        this.storage = storage;
        this.content = content;
        this.quotas = quotas;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A page of the list and the cursor of the next page (null after the last). */
    public record Page(List<SampleView> items, String next) {}

    public Page list(ProjectGrant grant, SampleFilter filter, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new SampleRequestViolation("limit", "must be between 1 and " + MAX_PAGE + ", got " + limit);
        }
        SampleCursor after = cursor == null || cursor.isBlank() ? null : SampleCursor.decode(cursor);
        List<SampleRow> rows = samples.page(grant.projectId(), filter, after, limit + 1);
        boolean more = rows.size() > limit;
        List<SampleRow> page = more ? rows.subList(0, limit) : rows;
        String next = more ? SampleCursor.after(page.get(page.size() - 1)).encode() : null;
        return new Page(page.stream().map(SampleView::of).toList(), next);
    }

    public SampleRow get(ProjectGrant grant, UUID sampleId) {
        return samples.require(grant.projectId(), sampleId);
    }

    /** The fields a PATCH may change; empty ones are left alone, {@code label} may be set to "no label". */
    public record Changes(
            Optional<String> name,
            Optional<Optional<String>> label,
            Optional<SampleCategory> category,
            Optional<Boolean> enabled) {}

    public SampleRow update(ProjectGrant grant, UUID sampleId, Changes changes) {
        return transaction.execute(status -> {
            SampleRow row = samples.require(grant.projectId(), sampleId);
            Instant now = clock.instant();
            SampleRow changed = row.edited(
                    changes.name().orElse(row.name()),
                    changes.label().isPresent() ? changes.label().get().orElse(null) : row.label(),
                    changes.category().orElse(row.category()),
                    changes.enabled().orElse(row.enabled()),
                    now);
            samples.updateFields(changed, now);
            return changed;
        });
    }

    /** Removes the row; the object goes with the orphan sweeper once no row uses it. */
    public void delete(ProjectGrant grant, UUID sampleId) {
        if (!samples.delete(grant.projectId(), sampleId)) {
            throw new SampleNotFoundException(sampleId);
        }
    }

    /** The values of a time series for plotting. */
    public PlotData plot(ProjectGrant grant, UUID sampleId, double startMs, Double endMs, int maxPoints) {
        if (maxPoints < PlotData.MIN_POINTS || maxPoints > PlotData.MAX_POINTS) {
            throw new SampleRequestViolation(
                    "maxPoints",
                    "must be between " + PlotData.MIN_POINTS + " and " + PlotData.MAX_POINTS + ", got " + maxPoints);
        }
        if (!(startMs >= 0) || (endMs != null && !(endMs > startMs))) {
            throw new SampleRequestViolation("startMs", "must be >= 0 and before endMs");
        }
        return PlotData.of(timeSeries(get(grant, sampleId), "plot"), startMs, endMs, maxPoints);
    }

    public Spectrogram spectrogram(ProjectGrant grant, UUID sampleId, int axis, int maxFrames) {
        SampleRow row = get(grant, sampleId);
        SampleData data = timeSeries(row, "show a spectrogram of");
        if (axis < 0 || axis >= data.axisCount()) {
            throw new SampleRequestViolation("axis", "must be between 0 and " + (data.axisCount() - 1));
        }
        if (maxFrames < 1 || maxFrames > Spectrogram.MAX_FRAMES) {
            throw new SampleRequestViolation("maxFrames", "must be between 1 and " + Spectrogram.MAX_FRAMES);
        }
        return Spectrogram.of(data, axis, maxFrames);
    }

    /**
     * An image sample as the network sees it through an image input block: decoded upright (EXIF), transparency
     * flattened onto the block's background, resized and cropped or padded by the same integer resizer the features
     * and the device use ({@link ImageResizer}), grey when the block is; as a PNG of the block's size.
     */
    public byte[] preview(ProjectGrant grant, UUID sampleId, ImageInput input) {
        SampleRow row = get(grant, sampleId);
        if (row.image() == null) {
            throw new SampleOperationViolation(
                    "Sample '" + row.name() + "' is not an image; only images have a preview of an image input block.");
        }
        byte[] bytes = storage.read(row);
        RgbImage image = FeatureSource.of(SampleParsers.parse(
                        row.name() + row.format().extension(),
                        bytes,
                        SampleParseOptions.defaults().withKeepImagePixels(true).withMaxBytes(bytes.length)))
                .image(input.backgroundRgb())
                .orElseThrow(() -> new IllegalStateException("an image sample parsed without its pixels"));
        float[][] planes = ImageResizer.resize(image, input);
        boolean gray = planes.length == 1;
        BufferedImage out = new BufferedImage(
                input.width(), input.height(), gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        // the raster, not setRGB: setRGB would convert grey values through the linear grey colour space
        WritableRaster raster = out.getRaster();
        for (int y = 0; y < input.height(); y++) {
            for (int x = 0; x < input.width(); x++) {
                for (int band = 0; band < planes.length; band++) {
                    raster.setSample(x, y, band, (int) planes[band][y * input.width() + x]);
                }
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(out, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the preview as PNG", e);
        }
        return png.toByteArray();
    }

    /** The sample as a 16-bit WAV for the audio player (the stored file itself when it is one). */
    public byte[] audio(ProjectGrant grant, UUID sampleId) {
        SampleRow row = get(grant, sampleId);
        if (row.format() == StoredFormat.WAV) {
            return storage.read(row);
        }
        byte[] wav = content.playableWav(timeSeries(row, "play"));
        if (wav == null) {
            throw new SampleOperationViolation("Sample '" + row.name() + "' is sampled at " + row.frequencyHz()
                    + " Hz, not a whole number of Hz, so it cannot be played as WAV audio.");
        }
        return wav;
    }

    /** Keeps {@code [startMs, endMs)} of the sample: new content, same row. */
    public SampleRow crop(ProjectGrant grant, UUID sampleId, double startMs, double endMs) {
        SampleRow row = get(grant, sampleId);
        SampleData cropped;
        try {
            cropped = timeSeries(row, "crop").crop(startMs, endMs);
        } catch (SampleDataViolation e) {
            throw new SampleOperationViolation("Cannot crop '" + row.name() + "': " + e.getMessage() + ".");
        }
        SampleContent.Encoded encoded = content.encode(cropped, row.format());
        String key = SampleStorage.objectKey(row.projectId(), encoded.sha256());
        SampleStorage.Content bytes = SampleStorage.Content.of(encoded.bytes());
        storage.storeIfMissing(key, bytes);
        SampleRow updated = withContent(row, encoded, key, cropped, clock.instant());
        return transaction.execute(status -> {
            storage.lockAndEnsure(key, bytes);
            if (!samples.updateContent(updated)) {
                throw new SampleNotFoundException(sampleId);
            }
            return updated;
        });
    }

    /** How to split: fixed-length segments, or the parts above an energy threshold. */
    public sealed interface SplitMode {
        /** Segments of {@code lengthMs}; a shorter remainder is kept when asked. */
        record Fixed(double lengthMs, boolean keepShorterLast) implements SplitMode {}

        /** Parts whose RMS over {@code frameMs} frames reaches {@code thresholdRms}. */
        record Energy(EnergySplitOptions options) implements SplitMode {}
    }

    /** What a split made. */
    public record SplitResult(List<SampleView> samples, boolean originalDeleted) {}

    /**
     * Cuts the sample into segments, each a new sample ({@code <name>.1}, {@code <name>.2}, ...) with the original's
     * label, category, device and metadata; the original is deleted unless {@code keepOriginal}. All or nothing.
     * Keeping the original adds the segments to the project's storage, so then they must fit its quota; without it
     * the segments replace the original's content.
     */
    public SplitResult split(ProjectGrant grant, UUID sampleId, SplitMode mode, boolean keepOriginal) {
        SampleRow row = get(grant, sampleId);
        SampleData data = timeSeries(row, "split");
        List<SampleSegment> segments;
        try {
            if (mode instanceof SplitMode.Fixed fixed) {
                segments = SampleSplitter.fixedLength(data, fixed.lengthMs(), fixed.keepShorterLast());
            } else {
                segments = SampleSplitter.aboveEnergy(data, ((SplitMode.Energy) mode).options());
            }
        } catch (SampleDataViolation e) {
            throw new SampleOperationViolation("Cannot split '" + row.name() + "': " + e.getMessage() + ".");
        }
        if (segments.isEmpty()) {
            throw new SampleOperationViolation("Splitting '" + row.name() + "' (" + Math.round(row.durationMs())
                    + " ms) finds no segment with these settings; use a shorter length or a lower threshold.");
        }
        List<SampleContent.Encoded> encodings = segments.stream()
                .map(segment -> content.encode(segment.data(), row.format()))
                .toList();
        Map<String, Long> added = new HashMap<>();
        encodings.forEach(e -> added.put(e.sha256(), (long) e.bytes().length));
        if (keepOriginal) {
            quotas.requireRoom(row.projectId(), added);
        }
        List<SampleRow> rows = new ArrayList<>();
        List<byte[]> bytes = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < segments.size(); i++) {
            SampleSegment segment = segments.get(i);
            SampleContent.Encoded encoded = encodings.get(i);
            String key = SampleStorage.objectKey(row.projectId(), encoded.sha256());
            storage.storeIfMissing(key, SampleStorage.Content.of(encoded.bytes()));
            SampleRow base = withContent(row, encoded, key, segment.data(), now);
            // created a microsecond apart so the list shows the segments in order
            Instant created = now.plusNanos(1000L * (segments.size() - i));
            rows.add(new SampleRow(
                    UUID.randomUUID(),
                    row.projectId(),
                    truncate(row.name() + "." + (i + 1)),
                    row.label(),
                    row.category(),
                    base.format(),
                    base.sha256(),
                    key,
                    base.sizeBytes(),
                    base.sensors(),
                    base.intervalMs(),
                    base.frequencyHz(),
                    base.length(),
                    base.durationMs(),
                    row.deviceName(),
                    row.deviceType(),
                    row.metadata(),
                    null,
                    List.of(),
                    base.signatureStatus(),
                    ContentOrigin.EDITED,
                    row.enabled(),
                    created,
                    created));
            bytes.add(encoded.bytes());
        }
        transaction.executeWithoutResult(status -> {
            if (keepOriginal) {
                quotas.requireRoomLocked(row.projectId(), added); // the quota lock comes before object locks
            }
            for (int i = 0; i < rows.size(); i++) {
                storage.lockAndEnsure(rows.get(i).objectKey(), SampleStorage.Content.of(bytes.get(i)));
                samples.insert(rows.get(i));
            }
            if (!keepOriginal && !samples.delete(row.projectId(), row.id())) {
                throw new SampleNotFoundException(sampleId);
            }
        });
        return new SplitResult(rows.stream().map(SampleView::of).toList(), !keepOriginal);
    }

    private SampleData timeSeries(SampleRow row, String operation) {
        if (row.image() != null) {
            throw new SampleOperationViolation(
                    "Sample '" + row.name() + "' is an image; images have no values to " + operation + ".");
        }
        return content.load(row);
    }

    private static SampleRow withContent(
            SampleRow row, SampleContent.Encoded encoded, String key, SampleData data, Instant now) {
        return new SampleRow(
                row.id(),
                row.projectId(),
                row.name(),
                row.label(),
                row.category(),
                encoded.format(),
                encoded.sha256(),
                key,
                encoded.bytes().length,
                data.sensors(),
                data.intervalMs(),
                data.frequencyHz(),
                data.length(),
                data.durationMs(),
                row.deviceName(),
                row.deviceType(),
                row.metadata(),
                row.image(),
                row.boundingBoxes(),
                encoded.format() == StoredFormat.JSON ? SampleSignature.UNSIGNED.stored() : null,
                ContentOrigin.EDITED,
                row.enabled(),
                row.createdAt(),
                now);
    }

    private static String truncate(String s) {
        return s.length() > 255 ? s.substring(0, 255) : s;
    }
}
