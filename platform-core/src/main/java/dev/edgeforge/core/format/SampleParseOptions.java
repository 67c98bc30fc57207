package dev.edgeforge.core.format;

import dev.edgeforge.core.format.csv.CsvReadOptions;
import dev.edgeforge.core.format.image.ImageLimits;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings for {@link SampleParsers}.
 *
 * @param hmacKey         the project's HMAC key, to verify signed Edge Impulse messages
 * @param csv             CSV settings (interval when there is no timestamp column, timestamp unit)
 * @param imageLimits     size limits checked before an image is decoded
 * @param keepImagePixels whether to return decoded image pixels
 * @param maxBytes        largest file read from a stream
 */
public record SampleParseOptions(
        Optional<String> hmacKey, CsvReadOptions csv, ImageLimits imageLimits, boolean keepImagePixels, long maxBytes) {

    /** Default largest file read from a stream: 64 MiB. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    public SampleParseOptions {
        Objects.requireNonNull(hmacKey, "hmacKey");
        Objects.requireNonNull(csv, "csv");
        Objects.requireNonNull(imageLimits, "imageLimits");
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes " + maxBytes + " is not positive");
        }
    }

    /** No HMAC key, CSV detection only, default image limits, no pixels, 64 MiB. */
    public static SampleParseOptions defaults() {
        return new SampleParseOptions(
                Optional.empty(), CsvReadOptions.defaults(), ImageLimits.DEFAULT, false, DEFAULT_MAX_BYTES);
    }

    public SampleParseOptions withHmacKey(String key) {
        return new SampleParseOptions(Optional.of(key), csv, imageLimits, keepImagePixels, maxBytes);
    }

    public SampleParseOptions withCsv(CsvReadOptions options) {
        return new SampleParseOptions(hmacKey, options, imageLimits, keepImagePixels, maxBytes);
    }

    public SampleParseOptions withImageLimits(ImageLimits limits) {
        return new SampleParseOptions(hmacKey, csv, limits, keepImagePixels, maxBytes);
    }

    public SampleParseOptions withKeepImagePixels(boolean keep) {
        return new SampleParseOptions(hmacKey, csv, imageLimits, keep, maxBytes);
    }

    public SampleParseOptions withMaxBytes(long bytes) {
        return new SampleParseOptions(hmacKey, csv, imageLimits, keepImagePixels, bytes);
    }
}
