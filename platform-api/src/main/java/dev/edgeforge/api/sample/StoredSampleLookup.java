package dev.edgeforge.api.sample;

import dev.edgeforge.api.model.SampleLookup;
import dev.edgeforge.core.feature.FeatureSource;
import dev.edgeforge.core.format.SampleParseOptions;
import dev.edgeforge.core.format.SampleParsers;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The models feature's view of a stored sample: its values (images with their pixels) for live classification. */
@Component
class StoredSampleLookup implements SampleLookup {

    private final SampleRepository samples;
    private final SampleContent content;
    private final SampleStorage storage;

    StoredSampleLookup(SampleRepository samples, SampleContent content, SampleStorage storage) {
        this.samples = samples;
        this.content = content;
        this.storage = storage;
    }

    @Override
    public Optional<StoredSample> find(UUID projectId, String sampleId) {
        UUID id;
        try {
            id = UUID.fromString(sampleId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return samples.find(projectId, id).map(row -> new StoredSample(sampleId, row.name(), row.label(), source(row)));
    }

    private FeatureSource source(SampleRow row) {
        if (!row.format().isImage()) {
            return FeatureSource.of(content.load(row));
        }
        byte[] bytes = storage.read(row);
        return FeatureSource.of(SampleParsers.parse(
                row.name() + row.format().extension(),
                bytes,
                SampleParseOptions.defaults().withKeepImagePixels(true).withMaxBytes(bytes.length)));
    }
}
