package dev.edgeforge.api.feature;

import dev.edgeforge.core.format.ei.EiAcquisitionWriter;
import dev.edgeforge.core.format.ei.EiSigning;
import dev.edgeforge.core.synthetic.SyntheticSample;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.jobs.feature.FeatureJobSample;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Stores synthetic recordings the way the datasets feature stores uploads (Edge Impulse JSON under
 * {@code projects/{p}/samples/{sha256}}) and lists them as an {@link ImpulseSampleSource} would, so feature tests
 * hand this list to {@link FeatureJobService} directly instead of uploading thousands of windows through the API.
 */
public final class SyntheticSamples {

    private SyntheticSamples() {}

    public static List<FeatureJobSample> store(ObjectStore store, UUID projectId, List<SyntheticSample> recordings) {
        List<FeatureJobSample> samples = new ArrayList<>();
        for (SyntheticSample recording : recordings) {
            byte[] bytes = EiAcquisitionWriter.writeJson(recording.data(), EiSigning.none());
            String sha = sha256(bytes);
            String key = "projects/" + projectId + "/samples/" + sha;
            store.put(key, bytes);
            samples.add(new FeatureJobSample(
                    UUID.randomUUID().toString(),
                    recording.label(),
                    recording.person() % 5 == 4 ? "testing" : "training",
                    key,
                    sha,
                    recording.name() + ".json"));
        }
        return samples;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
