package dev.edgeforge.core.format;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells file formats apart from a file's name and first bytes (64 or more are enough; the whole file works too).
 *
 * <p>Content decides first: PNG, JPEG, BMP, GIF, RIFF/WEBP and RIFF/WAVE signatures; a first byte that starts a
 * CBOR map (0xA0..0xBB, 0xBF, or the CBOR self-describe tag) for Edge Impulse CBOR; a JSON object, which is a labels
 * sidecar when the file is named {@code *.labels} or looks like one, and an Edge Impulse message otherwise; text
 * whose first line holds a {@code ,} {@code ;} or tab for CSV. When the content says nothing, the extension does
 * ({@code .json}, {@code .cbor}, {@code .csv}, {@code .tsv}, {@code .wav}, {@code .png}, {@code .jpg}, {@code .jpeg},
 * {@code .bmp}, {@code .gif}, {@code .webp}, {@code .labels}), so that the matching parser can say what is wrong
 * with the file.
 */
public final class SampleFormats {

    private SampleFormats() {}

    public static SampleFormat detect(String fileName, byte[] firstBytes) {
        String name = fileName == null ? "" : baseName(fileName).toLowerCase(Locale.ROOT);
        byte[] b = firstBytes == null ? new byte[0] : firstBytes;
        if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return SampleFormat.PNG;
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return SampleFormat.JPEG;
        }
        if (startsWith(b, 'B', 'M') && b.length >= 26) {
            return SampleFormat.BMP;
        }
        if (startsWith(b, 'G', 'I', 'F', '8')) {
            return SampleFormat.GIF;
        }
        if (b.length >= 12
                && startsWith(b, 'R', 'I', 'F', 'F')
                && b[8] == 'W'
                && b[9] == 'E'
                && b[10] == 'B'
                && b[11] == 'P') {
            return SampleFormat.WEBP;
        }
        if (b.length >= 12
                && startsWith(b, 'R', 'I', 'F', 'F')
                && b[8] == 'W'
                && b[9] == 'A'
                && b[10] == 'V'
                && b[11] == 'E') {
            return SampleFormat.WAV;
        }
        if (b.length > 0) {
            int first = b[0] & 0xFF;
            if ((first >= 0xA0 && first <= 0xBB) || first == 0xBF || startsWith(b, 0xD9, 0xD9, 0xF7)) {
                return SampleFormat.CBOR_EI;
            }
        }
        String text = textStart(b);
        if (text != null && text.startsWith("{")) {
            if (name.endsWith(".labels")
                    || text.contains("\"bounding-box-labels\"")
                    || (text.contains("\"files\"") && !text.contains("\"payload\""))) {
                return SampleFormat.LABELS;
            }
            return SampleFormat.JSON_EI;
        }
        if (text != null && !text.isEmpty()) {
            String firstLine = text.lines().findFirst().orElse("");
            if (firstLine.indexOf(',') >= 0
                    || firstLine.indexOf(';') >= 0
                    || firstLine.indexOf('\t') >= 0
                    || name.endsWith(".csv")
                    || name.endsWith(".tsv")) {
                return SampleFormat.CSV;
            }
        }
        return byExtension(name);
    }

    /**
     * The name of an image format EdgeForge recognises by its signature but does not read (TIFF, HEIC/HEIF, AVIF),
     * so that its refusal can name it (issue #20); empty for anything else.
     */
    public static Optional<String> otherImageFormat(byte[] firstBytes) {
        byte[] b = firstBytes == null ? new byte[0] : firstBytes;
        if (startsWith(b, 'I', 'I', 42, 0) || startsWith(b, 'M', 'M', 0, 42)) {
            return Optional.of("TIFF");
        }
        if (b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            String brand = new String(b, 8, 4, StandardCharsets.US_ASCII);
            if (brand.startsWith("avi")) {
                return Optional.of("AVIF");
            }
            if (brand.startsWith("hei") || brand.startsWith("mif") || brand.startsWith("hev")) {
                return Optional.of("HEIC");
            }
        }
        return Optional.empty();
    }

    private static SampleFormat byExtension(String name) {
        if (name.endsWith(".labels")) {
            return SampleFormat.LABELS;
        }
        if (name.endsWith(".json")) {
            return SampleFormat.JSON_EI;
        }
        if (name.endsWith(".cbor")) {
            return SampleFormat.CBOR_EI;
        }
        if (name.endsWith(".csv") || name.endsWith(".tsv")) {
            return SampleFormat.CSV;
        }
        if (name.endsWith(".wav") || name.endsWith(".wave")) {
            return SampleFormat.WAV;
        }
        if (name.endsWith(".png")) {
            return SampleFormat.PNG;
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return SampleFormat.JPEG;
        }
        if (name.endsWith(".bmp")) {
            return SampleFormat.BMP;
        }
        if (name.endsWith(".gif")) {
            return SampleFormat.GIF;
        }
        if (name.endsWith(".webp")) {
            return SampleFormat.WEBP;
        }
        return SampleFormat.UNKNOWN;
    }

    /** The bytes as text without BOM and leading blanks, or null when they hold control bytes (binary data). */
    private static String textStart(byte[] b) {
        int start = startsWith(b, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        for (int i = start; i < b.length; i++) {
            int c = b[i] & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return null;
            }
        }
        return new String(b, start, b.length - start, StandardCharsets.UTF_8).stripLeading();
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String baseName(String fileName) {
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        return fileName.substring(slash + 1);
    }
}
