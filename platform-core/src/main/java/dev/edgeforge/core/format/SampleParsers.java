package dev.edgeforge.core.format;

import dev.edgeforge.core.format.csv.CsvSample;
import dev.edgeforge.core.format.csv.CsvSampleReader;
import dev.edgeforge.core.format.ei.EiAcquisition;
import dev.edgeforge.core.format.ei.EiAcquisitionReader;
import dev.edgeforge.core.format.ei.EiEncoding;
import dev.edgeforge.core.format.image.ImageReader;
import dev.edgeforge.core.format.image.ImageSample;
import dev.edgeforge.core.format.wav.WavAudio;
import dev.edgeforge.core.format.wav.WavReader;
import dev.edgeforge.core.sample.SampleDataViolation;
import java.io.InputStream;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The one entry point for uploads: detects the format ({@link SampleFormats}) and reads the file with the matching
 * reader. Every failure is a {@link SampleFormatException} whose message starts with the file name, e.g.
 * {@code "walk.csv: row 17: 3 values, header has 4"}, and whose {@link SampleFormatException#reason()} says what
 * kind it is (malformed, unsupported, invalid signature, too large).
 *
 * <p>Labels sidecars ({@code info.labels}, {@code bounding_boxes.labels}) are not samples: {@link #parse} refuses
 * them ({@code UNSUPPORTED}); read them with {@link dev.edgeforge.core.format.labels.LabelsFiles}, after checking
 * {@link SampleFormats#detect} for {@link SampleFormat#LABELS}.
 */
public final class SampleParsers {

    private SampleParsers() {}

    /**
     * Reads a stream (not closed) of at most {@link SampleParseOptions#maxBytes()} bytes.
     *
     * @throws SampleFormatException naming the file; {@code TOO_LARGE} past the byte limit
     */
    public static ParsedSample parse(String fileName, InputStream in, SampleParseOptions options) {
        byte[] bytes;
        try {
            bytes = BoundedBytes.readAll(in, options.maxBytes());
        } catch (SampleFormatException e) {
            throw e.forFile(fileName);
        }
        return parse(fileName, bytes, options);
    }

    /**
     * Reads a whole file held in memory (no byte limit: the bytes are already there).
     *
     * @throws SampleFormatException naming the file and the reason
     */
    public static ParsedSample parse(String fileName, byte[] bytes, SampleParseOptions options) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(options, "options");
        return parse(
                fileName,
                SampleInput.of(bytes),
                options.withMaxBytes(Math.max(options.maxBytes(), Math.max(1, bytes.length))));
    }

    /**
     * Reads a file of at most {@link SampleParseOptions#maxBytes()} bytes. CSV and WAV are read in passes and never
     * held whole (memory is about the values); Edge Impulse JSON/CBOR and images are read into memory whole, because
     * their signature and decoder need every byte.
     *
     * @throws SampleFormatException naming the file and the reason; {@code TOO_LARGE} past the byte limit
     */
    public static ParsedSample parse(String fileName, SampleInput input, SampleParseOptions options) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(options, "options");
        try {
            if (input.size() > options.maxBytes()) {
                throw new SampleFormatException(
                        SampleFormatException.Reason.TOO_LARGE,
                        "larger than the limit of " + options.maxBytes() + " bytes");
            }
            SampleFormat format = SampleFormats.detect(fileName, input.head(512));
            return switch (format) {
                case JSON_EI, CBOR_EI -> {
                    EiAcquisition acq = EiAcquisitionReader.read(input.readAll(options.maxBytes()), options.hmacKey());
                    SampleFormat actual =
                            acq.encoding() == EiEncoding.JSON ? SampleFormat.JSON_EI : SampleFormat.CBOR_EI;
                    yield new ParsedSample(
                            fileName,
                            actual,
                            acq.data(),
                            Optional.of(acq),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty());
                }
                case CSV -> {
                    CsvSample csv = CsvSampleReader.read(input, options.csv());
                    yield new ParsedSample(
                            fileName,
                            format,
                            csv.data(),
                            Optional.empty(),
                            Optional.of(csv),
                            Optional.empty(),
                            Optional.empty());
                }
                case WAV -> {
                    WavAudio wav = WavReader.read(input);
                    yield new ParsedSample(
                            fileName,
                            format,
                            wav.data(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.of(wav.format()),
                            Optional.empty());
                }
                case PNG, JPEG, BMP, GIF, WEBP -> {
                    ImageSample image = ImageReader.read(
                            input.readAll(options.maxBytes()), options.imageLimits(), options.keepImagePixels());
                    SampleFormat actual = switch (image.header().type()) {
                        case PNG -> SampleFormat.PNG;
                        case JPEG -> SampleFormat.JPEG;
                        case BMP -> SampleFormat.BMP;
                        case GIF -> SampleFormat.GIF;
                        case WEBP -> SampleFormat.WEBP;
                    };
                    yield new ParsedSample(
                            fileName,
                            actual,
                            image.data(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.of(image));
                }
                case LABELS ->
                    throw new SampleFormatException(
                            SampleFormatException.Reason.UNSUPPORTED,
                            "a labels file (info.labels / bounding_boxes.labels), not a sample");
                case UNKNOWN ->
                    throw new SampleFormatException(
                            SampleFormatException.Reason.UNSUPPORTED,
                            SampleFormats.otherImageFormat(input.head(512))
                                    .map(image -> "a " + image + " image, which EdgeForge does not read yet; convert it"
                                            + " to PNG or JPEG (e.g. ImageMagick: convert photo."
                                            + image.toLowerCase(Locale.ROOT) + " photo.png)")
                                    .orElse("not a recognised sample format (Edge Impulse JSON or CBOR, CSV, WAV, PNG,"
                                            + " JPEG, BMP, GIF, WebP)"));
            };
        } catch (SampleFormatException e) {
            throw e.forFile(fileName);
        } catch (SampleDataViolation e) {
            throw SampleFormatException.malformed(e.getMessage(), e).forFile(fileName);
        }
    }
}
