package dev.edgeforge.api.sample.dataset;

import dev.edgeforge.api.sample.SampleContent;
import dev.edgeforge.api.sample.SampleFilter;
import dev.edgeforge.api.sample.SampleRepository;
import dev.edgeforge.api.sample.SampleRow;
import dev.edgeforge.api.sample.SampleStorage;
import dev.edgeforge.api.sample.StoredFormat;
import dev.edgeforge.core.format.ei.EiAcquisitionWriter;
import dev.edgeforge.core.format.ei.EiSigning;
import dev.edgeforge.core.format.labels.InfoLabels;
import dev.edgeforge.core.format.labels.InfoLabelsEntry;
import dev.edgeforge.core.format.labels.LabelsFiles;
import dev.edgeforge.core.format.labels.SampleLabel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;

/**
 * Writes a project's dataset as a ZIP in Edge Impulse's export layout: one folder per category
 * ({@code training/}, {@code testing/}, {@code anomaly/}) holding each sample's file, and an {@code info.labels} at
 * the root with every file's name, label, category, metadata, bounding boxes and (when disabled) enabled state.
 * Uploading the ZIP to EdgeForge or to Studio restores the project.
 *
 * <p>A sample's file is its stored object, byte for byte: for a file as uploaded (a Studio export's signed JSON, a
 * WAV, an image) exactly what came in, signature and {@code iat} included, so the export of an unchanged import is
 * the original export; for a sample EdgeForge edited (crop, split) the content it wrote, unsigned. Only CSV files are
 * converted, to Edge Impulse JSON (unsigned): a CSV without timestamps cannot be read back without the interval,
 * which lives in the row. {@link DatasetSummary.Export} says how many of each the export holds. File names are
 * unique across folders, so a sidecar entry is found even when a client sends base names only.
 *
 * <p>The archive is written while it is sent: one sample in memory at a time (none for files copied as they are).
 */
@Component
public class DatasetExporter {

    private static final int PAGE = 500;

    private final SampleRepository samples;
    private final SampleStorage storage;
    private final SampleContent content;

    DatasetExporter(SampleRepository samples, SampleStorage storage, SampleContent content) {
        this.samples = samples;
        this.storage = storage;
        this.content = content;
    }

    /** Writes the ZIP to {@code out} (not closed). */
    public void export(UUID projectId, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        List<InfoLabelsEntry> entries = new ArrayList<>();
        Set<String> usedNames = new HashSet<>();
        List<SampleRow> page = samples.pageAfter(projectId, SampleFilter.all(), null, PAGE);
        while (!page.isEmpty()) {
            for (SampleRow row : page) {
                entries.add(write(zip, row, usedNames));
            }
            page = page.size() < PAGE
                    ? List.of()
                    : samples.pageAfter(projectId, SampleFilter.all(), page.get(page.size() - 1), PAGE);
        }
        zip.putNextEntry(new ZipEntry(LabelsFiles.INFO_LABELS));
        zip.write(LabelsFiles.writeInfoLabels(new InfoLabels(entries)));
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    private InfoLabelsEntry write(ZipOutputStream zip, SampleRow row, Set<String> usedNames) throws IOException {
        boolean converted = isConverted(row);
        String extension =
                converted ? StoredFormat.JSON.extension() : row.format().extension();
        String path = row.category().value() + "/" + uniqueFileName(row, extension, usedNames);
        zip.putNextEntry(new ZipEntry(path));
        if (converted) {
            zip.write(EiAcquisitionWriter.writeJson(content.load(row), EiSigning.none()));
        } else {
            try (InputStream in = storage.open(row)) {
                in.transferTo(zip);
            }
        }
        zip.closeEntry();
        Optional<SampleLabel> label =
                Optional.of(row.label() == null ? new SampleLabel.Unlabeled() : new SampleLabel.Single(row.label()));
        return new InfoLabelsEntry(
                path,
                Optional.of(row.name()),
                row.category().value(),
                label,
                row.metadata(),
                row.boundingBoxes(),
                row.enabled() ? Optional.empty() : Optional.of(false));
    }

    /** Whether the export writes the sample as new Edge Impulse JSON rather than its stored file (CSV only). */
    static boolean isConverted(SampleRow row) {
        return row.format() == StoredFormat.CSV;
    }

    /** The sample's name made safe for a file name, made unique with the start of its id when taken. */
    private static String uniqueFileName(SampleRow row, String extension, Set<String> used) {
        String safe = row.name().replaceAll("[^A-Za-z0-9._ -]", "_");
        if (safe.isBlank() || safe.startsWith(".")) {
            safe = "sample" + safe;
        }
        String candidate = safe + extension;
        if (!used.add(candidate.toLowerCase(Locale.ROOT))) {
            candidate = safe + "." + row.id().toString().substring(0, 8) + extension;
            if (!used.add(candidate.toLowerCase(Locale.ROOT))) {
                candidate = safe + "." + row.id() + extension;
                used.add(candidate.toLowerCase(Locale.ROOT));
            }
        }
        return candidate;
    }
}
