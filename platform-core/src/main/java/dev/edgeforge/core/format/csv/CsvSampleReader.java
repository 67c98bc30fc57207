package dev.edgeforge.core.format.csv;

import dev.edgeforge.core.format.BoundedBytes;
import dev.edgeforge.core.format.SampleFormatException;
import dev.edgeforge.core.sample.Sensor;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.SampleDataViolation;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a time series from CSV: a header row, then one row per point in time.
 *
 * <p><b>Text.</b> UTF-8 (a byte order mark is skipped); bytes that are not UTF-8 are read as Windows-1252, as
 * spreadsheet exports often are. Line ends {@code \n}, {@code \r\n} or {@code \r}; blank lines are skipped. Rows are
 * numbered as lines of the file, from 1 (the header is usually row 1), as a spreadsheet shows them.
 *
 * <p><b>Delimiter and decimal separator.</b> The delimiter is the one of tab, {@code ;} and {@code ,} that occurs
 * most often in the header outside quotes (ties prefer tab, then {@code ;}). With a {@code ;} or tab delimiter the
 * decimal separator is {@code ,} if any data row contains a comma, otherwise {@code .}; with a {@code ,} delimiter
 * it is {@code .}. Cells may be double-quoted.
 *
 * <p><b>Columns.</b> The first column whose header is a timestamp name ({@code timestamp}, {@code time}, {@code t},
 * {@code ts}, {@code datetime}, {@code elapsed}, {@code seconds}, {@code millis}, …, optionally with a unit:
 * {@code time (s)}, {@code time_ms}, {@code t [us]}) is the time axis. Every other column is a sensor axis and must
 * be numeric; a header {@code accX (m/s2)} or {@code accX [m/s2]} names the axis {@code accX} with units
 * {@code m/s2}. A trailing empty header cell (a delimiter at the end of every line) is ignored.
 *
 * <p><b>Timestamps</b> are read, in this order of precedence, as: the unit given in {@link CsvReadOptions}; the unit
 * in the header; ISO-8601 date-times when the first value is not a number; Unix epoch times by magnitude (first
 * value &ge; 1e14: microseconds, &ge; 1e11: milliseconds, &ge; 1e8: seconds); milliseconds for a column named exactly
 * {@code timestamp} (Edge Impulse's CSV convention); otherwise seconds when the median step is below 1, else
 * milliseconds. Timestamps must strictly increase (an error names the row otherwise); jitter is tolerated and the
 * interval is the mean step, {@code (last - first) / (rows - 1)}. A given {@link CsvReadOptions#intervalMs()} wins
 * over the timestamps.
 */
public final class CsvSampleReader {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern ISO_WITH_SPACE = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d.*");

    private CsvSampleReader() {
    }

    /**
     * Reads a stream (not closed), buffering at most {@code maxBytes}.
     *
     * @throws SampleFormatException as {@link #read(byte[], CsvReadOptions)}, or {@code TOO_LARGE}
     */
    public static CsvSample read(InputStream in, CsvReadOptions options, long maxBytes) {
        return read(BoundedBytes.readAll(in, maxBytes), options);
    }

    /**
     * Reads a whole file.
     *
     * @throws SampleFormatException naming the row and column of the first problem
     */
    public static CsvSample read(byte[] bytes, CsvReadOptions options) {
        return read(decode(bytes), options);
    }

    /** Reads CSV text. */
    public static CsvSample read(String text, CsvReadOptions options) {
        List<NumberedLine> lines = lines(text);
        if (lines.isEmpty()) {
            throw SampleFormatException.malformed("the file is empty");
        }
        NumberedLine headerLine = lines.get(0);
        List<NumberedLine> rows = lines.subList(1, lines.size());
        char delimiter = delimiter(headerLine.text);
        char decimal = delimiter != ',' && rows.stream().anyMatch(r -> r.text.indexOf(',') >= 0) ? ',' : '.';
        CsvDialect dialect = new CsvDialect(delimiter, decimal);

        List<String> header = new ArrayList<>(CsvLine.split(headerLine.text, delimiter, headerLine.number));
        boolean trailingDelimiter = header.size() > 1 && header.get(header.size() - 1).isEmpty();
        if (trailingDelimiter) {
            header.remove(header.size() - 1);
        }
        int timestampColumn = -1;
        Optional<CsvTimestamps> headerUnit = Optional.empty();
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < header.size(); c++) {
            String cell = header.get(c);
            if (cell.isBlank()) {
                throw SampleFormatException.malformed("row " + headerLine.number + ": header column " + (c + 1)
                        + " has no name");
            }
            if (!seen.add(cell)) {
                throw SampleFormatException.malformed("row " + headerLine.number + ": header column '" + cell
                        + "' appears twice");
            }
            if (timestampColumn < 0) {
                Optional<Optional<CsvTimestamps>> ts = CsvHeader.timestamp(cell);
                if (ts.isPresent()) {
                    timestampColumn = c;
                    headerUnit = ts.get();
                }
            }
        }
        if (timestampColumn < 0 && options.intervalMs().isEmpty()) {
            throw SampleFormatException.malformed("no timestamp column (timestamp, time, t, …) and no interval"
                    + " given");
        }
        List<Sensor> sensors = new ArrayList<>();
        List<Integer> valueColumns = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (c != timestampColumn) {
                String[] nameUnits = CsvHeader.nameAndUnits(header.get(c));
                sensors.add(new Sensor(nameUnits[0], nameUnits[1]));
                valueColumns.add(c);
            }
        }
        if (sensors.isEmpty()) {
            throw SampleFormatException.malformed("no value columns besides the timestamp");
        }
        if (rows.isEmpty()) {
            throw SampleFormatException.malformed("no data rows after the header");
        }

        int n = rows.size();
        float[][] values = new float[sensors.size()][n];
        String[] rawTimestamps = timestampColumn >= 0 ? new String[n] : null;
        for (int r = 0; r < n; r++) {
            NumberedLine row = rows.get(r);
            List<String> cells = CsvLine.split(row.text, delimiter, row.number);
            if (trailingDelimiter && cells.size() == header.size() + 1 && cells.get(header.size()).isEmpty()) {
                cells.remove(header.size());
            }
            if (cells.size() != header.size()) {
                throw SampleFormatException.malformed("row " + row.number + ": " + cells.size() + " values, header has "
                        + header.size());
            }
            for (int a = 0; a < valueColumns.size(); a++) {
                int c = valueColumns.get(a);
                values[a][r] = value(cells.get(c), decimal, row.number, header.get(c));
            }
            if (rawTimestamps != null) {
                rawTimestamps[r] = cells.get(timestampColumn);
            }
        }

        CsvTimestamps unit = CsvTimestamps.NONE;
        double intervalMs;
        double jitter = 0;
        if (rawTimestamps != null) {
            String name = header.get(timestampColumn);
            Optional<CsvTimestamps> fromHeader = headerUnit;
            unit = options.timestamps().or(() -> fromHeader)
                    .orElseGet(() -> detectUnit(rawTimestamps, decimal, rows, name));
            double[] ms = timestampsMs(rawTimestamps, unit, decimal, rows, name);
            if (options.intervalMs().isPresent()) {
                intervalMs = options.intervalMs().get();
            } else {
                if (n < 2) {
                    throw SampleFormatException.malformed("one data row is not enough to derive the interval from"
                            + " timestamps; give the interval");
                }
                intervalMs = (ms[n - 1] - ms[0]) / (n - 1);
                for (int i = 1; i < n; i++) {
                    jitter = Math.max(jitter, Math.abs((ms[i] - ms[i - 1]) - intervalMs) / intervalMs);
                }
            }
        } else {
            intervalMs = options.intervalMs().orElseThrow();
        }
        try {
            SampleData data = SampleData.timeSeries(sensors, intervalMs, values);
            return new CsvSample(data, dialect, timestampColumn >= 0 ? Optional.of(header.get(timestampColumn))
                    : Optional.empty(), unit, jitter);
        } catch (SampleDataViolation e) {
            throw SampleFormatException.malformed(e.getMessage(), e);
        }
    }

    private record NumberedLine(int number, String text) {
    }

    private static List<NumberedLine> lines(String text) {
        List<NumberedLine> lines = new ArrayList<>();
        int number = 1;
        int start = 0;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : '\n';
            if (c == '\n' || c == '\r') {
                String line = text.substring(start, i);
                if (!line.isBlank()) {
                    lines.add(new NumberedLine(number, line));
                }
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                number++;
                start = i + 1;
            }
        }
        return lines;
    }

    private static String decode(byte[] bytes) {
        int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        for (int i = offset; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw SampleFormatException.malformed("binary data (a NUL byte at offset " + i + "), not CSV text");
            }
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, offset, bytes.length - offset, Charset.forName("windows-1252"));
        }
    }

    private static char delimiter(String header) {
        int tabs = CsvLine.countOutsideQuotes(header, '\t');
        int semicolons = CsvLine.countOutsideQuotes(header, ';');
        int commas = CsvLine.countOutsideQuotes(header, ',');
        if (tabs > 0 && tabs >= semicolons && tabs >= commas) {
            return '\t';
        }
        if (semicolons > 0 && semicolons >= commas) {
            return ';';
        }
        return ',';
    }

    private static float value(String cell, char decimal, int row, String column) {
        String where = "row " + row + ", column '" + column + "': ";
        if (cell.isBlank()) {
            throw SampleFormatException.malformed(where + "empty value");
        }
        String number = normalized(cell.strip(), decimal);
        if (number == null) {
            throw SampleFormatException.malformed(where + "'" + cell + "' is not a number"
                    + (decimal == ',' ? " (the decimal separator is ',')" : ""));
        }
        float v = Float.parseFloat(number);
        if (Float.isInfinite(v)) {
            throw SampleFormatException.malformed(where + cell + " is outside the 32-bit float range");
        }
        return v;
    }

    /** The cell as a Java-parsable decimal, or null when it is not a plain decimal number. */
    private static String normalized(String cell, char decimal) {
        String s = cell;
        if (decimal == ',') {
            if (s.indexOf('.') >= 0) {
                return null;
            }
            s = s.replace(',', '.');
        }
        return NUMBER.matcher(s).matches() ? s : null;
    }

    private static CsvTimestamps detectUnit(String[] raw, char decimal, List<NumberedLine> rows, String column) {
        if (raw[0].isBlank()) {
            throw SampleFormatException.malformed("row " + rows.get(0).number + ", column '" + column
                    + "': empty timestamp");
        }
        String first = normalized(raw[0].strip(), decimal);
        if (first == null) {
            if (isoMillis(raw[0]) != null) {
                return CsvTimestamps.ISO_8601;
            }
            throw SampleFormatException.malformed("row " + rows.get(0).number + ", column '" + column + "': '"
                    + raw[0] + "' is neither a number nor an ISO-8601 date-time");
        }
        double start = Math.abs(Double.parseDouble(first));
        if (start >= 1e14) {
            return CsvTimestamps.MICROSECONDS;
        }
        if (start >= 1e11) {
            return CsvTimestamps.MILLISECONDS;
        }
        if (start >= 1e8) {
            return CsvTimestamps.SECONDS;
        }
        if (CsvHeader.isEdgeImpulseTimestamp(column)) {
            return CsvTimestamps.MILLISECONDS;
        }
        double[] steps = new double[Math.max(0, raw.length - 1)];
        int count = 0;
        for (int i = 1; i < raw.length; i++) {
            String a = normalized(raw[i - 1].strip(), decimal);
            String b = normalized(raw[i].strip(), decimal);
            if (a != null && b != null) {
                steps[count++] = Double.parseDouble(b) - Double.parseDouble(a);
            }
        }
        if (count == 0) {
            return CsvTimestamps.MILLISECONDS;
        }
        double[] sorted = Arrays.copyOf(steps, count);
        Arrays.sort(sorted);
        return sorted[count / 2] < 1 ? CsvTimestamps.SECONDS : CsvTimestamps.MILLISECONDS;
    }

    private static double[] timestampsMs(String[] raw, CsvTimestamps unit, char decimal, List<NumberedLine> rows,
                                         String column) {
        double[] ms = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            String where = "row " + rows.get(i).number + ", column '" + column + "': ";
            if (raw[i].isBlank()) {
                throw SampleFormatException.malformed(where + "empty timestamp");
            }
            if (unit == CsvTimestamps.ISO_8601) {
                Double t = isoMillis(raw[i]);
                if (t == null) {
                    throw SampleFormatException.malformed(where + "'" + raw[i] + "' is not an ISO-8601 date-time");
                }
                ms[i] = t;
            } else {
                String number = normalized(raw[i].strip(), decimal);
                if (number == null) {
                    throw SampleFormatException.malformed(where + "'" + raw[i] + "' is not a number");
                }
                ms[i] = Double.parseDouble(number) * unit.millisPerUnit();
                if (!Double.isFinite(ms[i])) {
                    throw SampleFormatException.malformed(where + raw[i] + " is out of range");
                }
            }
            if (i > 0 && !(ms[i] > ms[i - 1])) {
                throw SampleFormatException.malformed("row " + rows.get(i).number + ": timestamp " + raw[i].strip()
                        + " is not after the previous one (" + raw[i - 1].strip() + ")");
            }
        }
        return ms;
    }

    /** Milliseconds since the epoch of an ISO-8601 date-time (UTC when it has no offset), or null. */
    private static Double isoMillis(String cell) {
        String s = cell.strip();
        if (ISO_WITH_SPACE.matcher(s).matches()) {
            s = s.replaceFirst(" ", "T");
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                instant = LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                return null;
            }
        }
        return instant.getEpochSecond() * 1000.0 + instant.getNano() / 1e6;
    }
}
