package dev.edgeforge.core.format.csv;

import dev.edgeforge.core.format.BoundedBytes;
import dev.edgeforge.core.format.SampleFormatException;
import dev.edgeforge.core.format.SampleInput;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.SampleDataViolation;
import dev.edgeforge.core.sample.Sensor;
import java.io.InputStream;
import java.util.ArrayList;
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
 *
 * <p><b>Memory.</b> A file is read in passes (charset, then layout, then values) and never held whole: what stays
 * in memory is the values (4 bytes each) and the timestamps (8 bytes a row), about the size of the file for typical
 * sensor data. The first value or row error stops the read, naming its row.
 */
public final class CsvSampleReader {

    /**
     * A plain decimal number. The quantifiers are possessive: with greedy ones, {@code \d+\.?\d*} tries every split
     * of a digit run followed by anything else, which is quadratic (a cell of 20,000 digits and a letter took 6 s of
     * CPU); a digit run can end in one place only, so giving nothing back loses no match.
     */
    private static final Pattern NUMBER = Pattern.compile("[+-]?+(?:\\d++\\.?+\\d*+|\\.\\d++)(?:[eE][+-]?+\\d++)?+");

    private CsvSampleReader() {}

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
        return read(SampleInput.of(bytes), options);
    }

    /**
     * Reads a file in passes, without holding its text (see the memory note above).
     *
     * @throws SampleFormatException naming the row and column of the first problem
     */
    public static CsvSample read(SampleInput input, CsvReadOptions options) {
        return read(CsvText.of(input), options);
    }

    /** Reads CSV text. */
    public static CsvSample read(String text, CsvReadOptions options) {
        return read(CsvText.of(text), options);
    }

    /** What a first pass over the lines finds: the header, how many data rows follow it, whether one has a comma. */
    private record Layout(int headerNumber, String header, int rows, boolean commaInRows) {}

    private static Layout layout(CsvText text) {
        try (CsvText.Lines lines = text.lines()) {
            if (!lines.next()) {
                throw SampleFormatException.malformed("the file is empty");
            }
            int headerNumber = lines.number();
            String header = lines.text();
            int rows = 0;
            boolean comma = false;
            while (lines.next()) {
                rows++;
                comma = comma || lines.text().indexOf(',') >= 0;
            }
            return new Layout(headerNumber, header, rows, comma);
        }
    }

    private static CsvSample read(CsvText text, CsvReadOptions options) {
        Layout layout = layout(text);
        char delimiter = delimiter(layout.header());
        char decimal = delimiter != ',' && layout.commaInRows() ? ',' : '.';
        CsvDialect dialect = new CsvDialect(delimiter, decimal);

        List<String> header = new ArrayList<>(CsvLine.split(layout.header(), delimiter, layout.headerNumber()));
        boolean trailingDelimiter =
                header.size() > 1 && header.get(header.size() - 1).isEmpty();
        if (trailingDelimiter) {
            header.remove(header.size() - 1);
        }
        int timestampColumn = -1;
        Optional<CsvTimestamps> headerUnit = Optional.empty();
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < header.size(); c++) {
            String cell = header.get(c);
            if (cell.isBlank()) {
                throw SampleFormatException.malformed(
                        "row " + layout.headerNumber() + ": header column " + (c + 1) + " has no name");
            }
            if (!seen.add(cell)) {
                throw SampleFormatException.malformed(
                        "row " + layout.headerNumber() + ": header column '" + cell + "' appears twice");
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
            throw SampleFormatException.malformed(
                    "no timestamp column (timestamp, time, t, …) and no interval" + " given");
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
        int n = layout.rows();
        if (n == 0) {
            throw SampleFormatException.malformed("no data rows after the header");
        }

        float[][] values = new float[sensors.size()][n];
        Optional<CsvTimestamps> headerUnitFinal = headerUnit;
        Optional<CsvTimestamps> explicitUnit = options.timestamps().or(() -> headerUnitFinal);
        CsvTimeAxis time =
                timestampColumn < 0 ? null : new CsvTimeAxis(header.get(timestampColumn), decimal, explicitUnit, n);
        try (CsvText.Lines lines = text.lines()) {
            lines.next(); // the header
            for (int r = 0; r < n; r++) {
                lines.next();
                List<String> cells = cells(lines, delimiter, trailingDelimiter, header.size());
                for (int a = 0; a < valueColumns.size(); a++) {
                    int c = valueColumns.get(a);
                    values[a][r] = value(cells.get(c), decimal, lines.number(), header.get(c));
                }
                if (time != null) {
                    time.add(r, lines.number(), cells.get(timestampColumn));
                }
            }
        }

        CsvTimestamps unit = CsvTimestamps.NONE;
        double intervalMs;
        double jitter = 0;
        if (time != null) {
            int column = timestampColumn;
            unit = time.unit();
            double[] ms = time.millis(unit, row -> timestampCell(text, delimiter, column, row));
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
            return new CsvSample(
                    data,
                    dialect,
                    timestampColumn >= 0 ? Optional.of(header.get(timestampColumn)) : Optional.empty(),
                    unit,
                    jitter);
        } catch (SampleDataViolation e) {
            throw SampleFormatException.malformed(e.getMessage(), e);
        }
    }

    /** The cells of the current line, checked against the header's width. */
    private static List<String> cells(CsvText.Lines lines, char delimiter, boolean trailingDelimiter, int width) {
        List<String> cells = CsvLine.split(lines.text(), delimiter, lines.number());
        if (trailingDelimiter && cells.size() == width + 1 && cells.get(width).isEmpty()) {
            cells.remove(width);
        }
        if (cells.size() != width) {
            throw SampleFormatException.malformed(
                    "row " + lines.number() + ": " + cells.size() + " values, header has " + width);
        }
        return cells;
    }

    /** Reads the file again up to data row {@code row} (from 0): only an error message needs that cell's text. */
    private static CsvTimeAxis.Cell timestampCell(CsvText text, char delimiter, int column, int row) {
        try (CsvText.Lines lines = text.lines()) {
            for (int r = -1; r <= row; r++) {
                lines.next();
            }
            return new CsvTimeAxis.Cell(
                    lines.number(),
                    CsvLine.split(lines.text(), delimiter, lines.number()).get(column));
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
    static String normalized(String cell, char decimal) {
        String s = cell;
        if (decimal == ',') {
            if (s.indexOf('.') >= 0) {
                return null;
            }
            s = s.replace(',', '.');
        }
        return NUMBER.matcher(s).matches() ? s : null;
    }
}
