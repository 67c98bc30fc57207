package dev.edgeforge.api.sample;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and housekeeping of sample uploads ({@code edgeforge.datasets.*}, environment
 * {@code EDGEFORGE_DATASETS_*}); every value has a default, so no configuration is needed.
 *
 * @param maxUploadBytes           largest single file (a multipart part, a {@code /data} body, a ZIP entry)
 * @param maxRequestBytes          largest multipart request as sent (all its parts together)
 * @param maxFilesPerRequest       most files sent as parts of one request; Tomcat's multipart part count is raised to
 *                                 this plus 32 form fields ({@code UploadPartCountCustomizer}), so a request within
 *                                 it is never cut off by Tomcat first. The browser sends a folder in batches of 50
 *                                 files, so a folder of any size goes in whatever this is
 * @param maxExpandedRequestBytes  most bytes one request may bring once its ZIP archives are unpacked: the files sent
 *                                 as they are plus every byte inflated from an archive (skipped entries included)
 * @param maxZipEntries            most files one ZIP archive may hold; folders and macOS metadata entries, which
 *                                 are skipped, are counted separately against the same number. High by default
 *                                 (issue #20: a Studio export of 3,839 images, or EdgeForge's own export, goes in as
 *                                 one upload): what bounds an archive is its bytes, each entry counted at least
 *                                 {@code zipEntryBytes}
 * @param maxZipEntriesPerRequest  most files all the ZIP archives of one request may hold together
 * @param zipEntryBytes            what every ZIP entry (skipped ones included) counts at least against
 *                                 {@code maxExpandedRequestBytes}: the disk block its spool takes and its row, so an
 *                                 archive of millions of empty entries is refused like a large one (1GB / 4KB: at
 *                                 most 262,144 entries per request by default)
 * @param maxCompressionRatio      an entry, or an archive so far, that expands more than this many times its
 *                                 compressed size is a compression bomb
 * @param compressionRatioFrom     the ratio is checked once this much has been expanded (an entry, an archive), so
 *                                 small, well-compressed files pass
 * @param parseMemoryBytes         memory that parsing may use at once, server-wide (each file is counted at
 *                                 {@link ParseMemoryBudget#FACTOR} times its size); unset: half the maximum heap
 * @param parseMemoryWait          how long a file waits for parse memory before the server answers 503
 * @param orphanGracePeriod        how old an object without a row must be before the sweeper removes it; covers
 *                                 uploads whose object is stored but whose row is not yet committed
 * @param orphanSweepInterval      how often the sweeper runs; zero turns the schedule off
 * @param tempDirectory            where uploads are spooled while they are hashed; defaults to
 *                                 {@code <edgeforge.data-dir>/tmp/uploads}
 */
@ConfigurationProperties(prefix = "edgeforge.datasets")
public record DatasetProperties(
        @DefaultValue("100MB") DataSize maxUploadBytes,
        @DefaultValue("512MB") DataSize maxRequestBytes,
        @DefaultValue("1000") int maxFilesPerRequest,
        @DefaultValue("1GB") DataSize maxExpandedRequestBytes,
        @DefaultValue("1000000") int maxZipEntries,
        @DefaultValue("1000000") int maxZipEntriesPerRequest,
        @DefaultValue("4KB") DataSize zipEntryBytes,
        @DefaultValue("100") int maxCompressionRatio,
        @DefaultValue("4MB") DataSize compressionRatioFrom,
        DataSize parseMemoryBytes,
        @DefaultValue("30s") Duration parseMemoryWait,
        @DefaultValue("1h") Duration orphanGracePeriod,
        @DefaultValue("30m") Duration orphanSweepInterval,
        Path tempDirectory) {

    public DatasetProperties {
        if (maxUploadBytes.toBytes() < 1 || maxRequestBytes.toBytes() < maxUploadBytes.toBytes()) {
            throw new IllegalArgumentException(
                    "edgeforge.datasets.max-upload-bytes must be positive and at most " + "max-request-bytes");
        }
        if (maxExpandedRequestBytes.toBytes() < maxUploadBytes.toBytes()) {
            throw new IllegalArgumentException(
                    "edgeforge.datasets.max-expanded-request-bytes must be at least " + "max-upload-bytes");
        }
        if (maxFilesPerRequest < 1 || maxZipEntries < 1 || maxZipEntriesPerRequest < 1) {
            throw new IllegalArgumentException("edgeforge.datasets.max-files-per-request, max-zip-entries and "
                    + "max-zip-entries-per-request must be positive");
        }
        if (zipEntryBytes.isNegative()) {
            throw new IllegalArgumentException("edgeforge.datasets.zip-entry-bytes must not be negative");
        }
        if (maxCompressionRatio < 2 || compressionRatioFrom.isNegative()) {
            throw new IllegalArgumentException("edgeforge.datasets.max-compression-ratio must be at least 2 and "
                    + "compression-ratio-from not negative");
        }
        if (parseMemoryBytes != null && parseMemoryBytes.toBytes() < 1024 * 1024) {
            throw new IllegalArgumentException("edgeforge.datasets.parse-memory-bytes must be at least 1MB");
        }
        if (parseMemoryWait.isNegative() || orphanGracePeriod.isNegative() || orphanSweepInterval.isNegative()) {
            throw new IllegalArgumentException("edgeforge.datasets durations must not be negative");
        }
    }
}
