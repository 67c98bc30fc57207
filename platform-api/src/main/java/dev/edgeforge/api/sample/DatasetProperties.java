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
 * @param maxUploadBytes      largest single file (a multipart part, a {@code /data} body, a ZIP entry); also the
 *                            most the parsers read into memory
 * @param maxRequestBytes     largest multipart request (all its files together)
 * @param maxFilesPerRequest  most files in one request (ZIP entries included)
 * @param orphanGracePeriod   how old an object without a row must be before the sweeper removes it; covers uploads
 *                            whose object is stored but whose row is not yet committed
 * @param orphanSweepInterval how often the sweeper runs; zero turns the schedule off
 * @param tempDirectory       where uploads are spooled while they are hashed; defaults to
 *                            {@code <edgeforge.data-dir>/tmp/uploads}
 */
@ConfigurationProperties(prefix = "edgeforge.datasets")
public record DatasetProperties(@DefaultValue("100MB") DataSize maxUploadBytes,
                                @DefaultValue("512MB") DataSize maxRequestBytes,
                                @DefaultValue("1000") int maxFilesPerRequest,
                                @DefaultValue("1h") Duration orphanGracePeriod,
                                @DefaultValue("30m") Duration orphanSweepInterval,
                                Path tempDirectory) {

    public DatasetProperties {
        if (maxUploadBytes.toBytes() < 1 || maxRequestBytes.toBytes() < maxUploadBytes.toBytes()) {
            throw new IllegalArgumentException("edgeforge.datasets.max-upload-bytes must be positive and at most "
                    + "max-request-bytes");
        }
        if (maxFilesPerRequest < 1) {
            throw new IllegalArgumentException("edgeforge.datasets.max-files-per-request must be positive");
        }
        if (orphanGracePeriod.isNegative() || orphanSweepInterval.isNegative()) {
            throw new IllegalArgumentException("edgeforge.datasets orphan durations must not be negative");
        }
    }
}
