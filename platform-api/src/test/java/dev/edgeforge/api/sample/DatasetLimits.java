package dev.edgeforge.api.sample;

import java.time.Duration;
import org.springframework.util.unit.DataSize;

/** {@link DatasetProperties} for unit tests: the defaults, with the upload bounds and parse memory given. */
final class DatasetLimits {

    private DatasetLimits() {}

    static DatasetProperties of(
            long maxExpandedBytes,
            int maxZipEntries,
            int maxZipEntriesPerRequest,
            int maxRatio,
            long ratioFromBytes,
            long parseMemoryBytes,
            Duration parseMemoryWait) {
        return of(
                maxExpandedBytes,
                maxZipEntries,
                maxZipEntriesPerRequest,
                0,
                maxRatio,
                ratioFromBytes,
                parseMemoryBytes,
                parseMemoryWait);
    }

    static DatasetProperties of(
            long maxExpandedBytes,
            int maxZipEntries,
            int maxZipEntriesPerRequest,
            long zipEntryBytes,
            int maxRatio,
            long ratioFromBytes,
            long parseMemoryBytes,
            Duration parseMemoryWait) {
        return new DatasetProperties(
                DataSize.ofMegabytes(1),
                DataSize.ofMegabytes(1),
                1000,
                DataSize.ofBytes(maxExpandedBytes),
                maxZipEntries,
                maxZipEntriesPerRequest,
                DataSize.ofBytes(zipEntryBytes),
                maxRatio,
                DataSize.ofBytes(ratioFromBytes),
                DataSize.ofBytes(parseMemoryBytes),
                parseMemoryWait,
                Duration.ofHours(1),
                Duration.ZERO,
                null);
    }
}
