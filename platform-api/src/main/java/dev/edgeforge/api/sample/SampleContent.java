package dev.edgeforge.api.sample;

import dev.edgeforge.core.format.SampleParseOptions;
import dev.edgeforge.core.format.SampleParsers;
import dev.edgeforge.core.format.csv.CsvReadOptions;
import dev.edgeforge.core.format.ei.EiAcquisitionWriter;
import dev.edgeforge.core.format.ei.EiSigning;
import dev.edgeforge.core.format.wav.WavWriter;
import dev.edgeforge.core.sample.SampleData;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/** Reads a stored sample back into values, and writes derived values (crops, segments) as new file bytes. */
@Component
public class SampleContent {

    private final SampleStorage storage;
    private final ParseMemoryBudget memory;
    private final long maxBytes;

    SampleContent(SampleStorage storage, ParseMemoryBudget memory, DatasetProperties properties) {
        this.storage = storage;
        this.memory = memory;
        this.maxBytes = properties.maxUploadBytes().toBytes();
    }

    /**
     * The sample's values, as they were read on upload; read within the server's parse memory budget.
     *
     * @throws ServerBusyViolation when no parse memory is free in time (503)
     */
    public SampleData load(SampleRow row) {
        try (ParseMemoryBudget.Lease lease = memory.reserve("sample '" + row.name() + "'", row.sizeBytes())) {
            return parse(row);
        }
    }

    private SampleData parse(SampleRow row) {
        byte[] bytes = storage.read(row);
        SampleParseOptions options = SampleParseOptions.defaults().withMaxBytes(Math.max(maxBytes, bytes.length));
        if (row.format() == StoredFormat.CSV && row.intervalMs() > 0) {
            // the interval found (or given) on upload; a CSV without timestamps cannot be read without it
            options = options.withCsv(CsvReadOptions.defaults().withIntervalMs(row.intervalMs()));
        }
        return SampleParsers.parse(row.name() + row.format().extension(), bytes, options)
                .data();
    }

    /** New content derived from a sample: its bytes, format and hash. */
    public record Encoded(byte[] bytes, StoredFormat format, String sha256) {}

    /**
     * Derived values in the original's family: WAV stays WAV (16-bit PCM when every value is a 16-bit integer,
     * 32-bit float otherwise) so the audio keeps playing; everything else becomes an unsigned Edge Impulse JSON
     * message (a signature cannot survive a change of the values).
     */
    public Encoded encode(SampleData data, StoredFormat original) {
        if (original == StoredFormat.WAV && hasWholeRate(data)) {
            byte[] wav = fitsPcm16(data) ? WavWriter.writePcm16(data) : WavWriter.writeFloat32(data);
            return new Encoded(wav, StoredFormat.WAV, sha256(wav));
        }
        byte[] json = EiAcquisitionWriter.writeJson(data, EiSigning.none());
        return new Encoded(json, StoredFormat.JSON, sha256(json));
    }

    /** A 16-bit PCM WAV of a time series for the browser's audio player; null when the rate is not whole Hz. */
    public byte[] playableWav(SampleData data) {
        return hasWholeRate(data) ? WavWriter.writePcm16(data) : null;
    }

    static boolean hasWholeRate(SampleData data) {
        double rate = data.frequencyHz();
        return rate >= 1 && Math.abs(rate - Math.rint(rate)) < 1e-6 * rate;
    }

    private static boolean fitsPcm16(SampleData data) {
        for (int a = 0; a < data.axisCount(); a++) {
            for (int i = 0; i < data.length(); i++) {
                float v = data.value(a, i);
                if (v != Math.rint(v) || v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
                    return false;
                }
            }
        }
        return true;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
