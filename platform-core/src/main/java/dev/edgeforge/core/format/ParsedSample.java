package dev.edgeforge.core.format;

import dev.edgeforge.core.format.csv.CsvSample;
import dev.edgeforge.core.format.ei.EiAcquisition;
import dev.edgeforge.core.format.ei.EiSignatureStatus;
import dev.edgeforge.core.format.image.ImageSample;
import dev.edgeforge.core.format.wav.WavFormat;
import dev.edgeforge.core.sample.SampleData;
import java.util.Objects;
import java.util.Optional;

/**
 * A file read by {@link SampleParsers}: the sample, and what the format-specific reader found (exactly one of the
 * optional details is present, matching {@link #format()}).
 *
 * @param fileName    the name the file was uploaded as
 * @param format      what it turned out to be
 * @param data        the sample (for images: size and channels, no values)
 * @param acquisition for Edge Impulse JSON/CBOR: protected header, signature and whether it was verified
 * @param csv         for CSV: dialect and timestamp detection
 * @param wav         for WAV: the {@code fmt } chunk
 * @param image       for PNG/JPEG: header, size, channels and (when asked) pixels
 */
public record ParsedSample(
        String fileName,
        SampleFormat format,
        SampleData data,
        Optional<EiAcquisition> acquisition,
        Optional<CsvSample> csv,
        Optional<WavFormat> wav,
        Optional<ImageSample> image) {

    public ParsedSample {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(acquisition, "acquisition");
        Objects.requireNonNull(csv, "csv");
        Objects.requireNonNull(wav, "wav");
        Objects.requireNonNull(image, "image");
    }

    /** For Edge Impulse messages, whether the signature was verified, not checked, or absent. */
    public Optional<EiSignatureStatus> signatureStatus() {
        return acquisition.map(EiAcquisition::signatureStatus);
    }
}
