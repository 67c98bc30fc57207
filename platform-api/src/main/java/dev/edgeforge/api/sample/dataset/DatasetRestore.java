package dev.edgeforge.api.sample.dataset;

import java.util.List;
import java.util.UUID;

/**
 * What restoring a version did.
 *
 * @param restored    samples whose name, label, category or enabled flag were set back
 * @param resurrected samples deleted since the version that came back (their object was still stored)
 * @param missing     samples deleted since the version whose object is gone: not restored
 * @param addedSince  samples added after the version; left as they are
 */
public record DatasetRestore(int restored, List<SampleRef> resurrected, List<SampleRef> missing, long addedSince) {

    public record SampleRef(UUID id, String name, String label, String category) {}
}
