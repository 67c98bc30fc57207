package dev.edgeforge.core.format.csv;

import dev.edgeforge.core.format.SampleFormatException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The timestamp column of a CSV file, collected row by row as numbers (8 bytes a row, never the cells' text) and
 * turned into milliseconds once every row is read, when the unit may depend on all of them (the median step).
 *
 * <p>Errors come out as if the rows were checked one after another: the first row that is blank, not a number, not
 * a date-time, out of range or not after the previous one wins. A cell's text that an error quotes is read again
 * from the file ({@link CellLookup}), so the text of the cells is never kept.
 */
final class CsvTimeAxis {

    private static final Pattern ISO_WITH_SPACE = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d.*");

    /** The timestamp cell of a data row and the line it is on. */
    record Cell(int line, String text) {}

    /** Finds the timestamp cell of a data row (from 0) again, for an error message. */
    @FunctionalInterface
    interface CellLookup {
        Cell find(int row);
    }

    private final String column;
    private final char decimal;
    private final Optional<CsvTimestamps> explicit;
    private final boolean edgeImpulseColumn;
    private final double[] values;
    /** ISO-8601 mode: values are milliseconds; otherwise numbers in the file's unit. */
    private boolean iso;

    private int firstBadRow = -1;
    private String firstBadMessage;

    CsvTimeAxis(String column, char decimal, Optional<CsvTimestamps> explicit, int rows) {
        this.column = column;
        this.decimal = decimal;
        this.explicit = explicit;
        this.edgeImpulseColumn = CsvHeader.isEdgeImpulseTimestamp(column);
        this.values = new double[rows];
        this.iso = explicit.isPresent() && explicit.get() == CsvTimestamps.ISO_8601;
    }

    /** Takes the timestamp cell of data row {@code row} (rows come in order), found on line {@code line}. */
    void add(int row, int line, String cell) {
        String where = "row " + line + ", column '" + column + "': ";
        if (cell.isBlank()) {
            bad(row, where + "empty timestamp");
            return;
        }
        if (iso) {
            Double ms = isoMillis(cell);
            if (ms == null) {
                bad(row, where + "'" + cell + "' is not an ISO-8601 date-time");
            } else {
                values[row] = ms;
            }
            return;
        }
        String number = CsvSampleReader.normalized(cell.strip(), decimal);
        if (number != null) {
            values[row] = Double.parseDouble(number);
        } else if (row == 0 && explicit.isEmpty() && isoMillis(cell) != null) {
            iso = true;
            values[row] = isoMillis(cell);
        } else if (row == 0 && explicit.isEmpty()) {
            bad(row, where + "'" + cell + "' is neither a number nor an ISO-8601 date-time");
        } else {
            bad(row, where + "'" + cell + "' is not a number");
        }
    }

    /** Rows after the first bad one are still collected: the unit, found over all rows, decides which error wins. */
    private void bad(int row, String message) {
        values[row] = Double.NaN;
        if (firstBadRow < 0) {
            firstBadRow = row;
            firstBadMessage = message;
        }
    }

    /** The unit, per the options, the header, or detection over every row. */
    CsvTimestamps unit() {
        if (explicit.isPresent()) {
            return explicit.get();
        }
        if (iso) {
            return CsvTimestamps.ISO_8601;
        }
        double start = Math.abs(values[0]);
        if (start >= 1e14) {
            return CsvTimestamps.MICROSECONDS;
        }
        if (start >= 1e11) {
            return CsvTimestamps.MILLISECONDS;
        }
        if (start >= 1e8) {
            return CsvTimestamps.SECONDS;
        }
        if (edgeImpulseColumn) {
            return CsvTimestamps.MILLISECONDS;
        }
        double[] steps = new double[Math.max(0, values.length - 1)];
        int count = 0;
        for (int i = 1; i < values.length; i++) {
            if (!Double.isNaN(values[i - 1]) && !Double.isNaN(values[i])) {
                steps[count++] = values[i] - values[i - 1];
            }
        }
        if (count == 0) {
            return CsvTimestamps.MILLISECONDS;
        }
        Arrays.sort(steps, 0, count);
        return steps[count / 2] < 1 ? CsvTimestamps.SECONDS : CsvTimestamps.MILLISECONDS;
    }

    /**
     * The timestamps in milliseconds (the collected array, converted in place), checked in row order.
     *
     * @throws SampleFormatException for the first bad row
     */
    double[] millis(CsvTimestamps unit, CellLookup lookup) {
        if (firstBadRow == 0) {
            throw SampleFormatException.malformed(firstBadMessage);
        }
        int checked = firstBadRow >= 0 ? firstBadRow : values.length;
        double perUnit = unit == CsvTimestamps.ISO_8601 ? 1 : unit.millisPerUnit();
        for (int i = 0; i < checked; i++) {
            values[i] *= perUnit;
            if (!Double.isFinite(values[i])) {
                Cell at = lookup.find(i);
                throw SampleFormatException.malformed(
                        "row " + at.line() + ", column '" + column + "': " + at.text() + " is out of range");
            }
            if (i > 0 && !(values[i] > values[i - 1])) {
                Cell previous = lookup.find(i - 1);
                Cell at = lookup.find(i);
                throw SampleFormatException.malformed(
                        "row " + at.line() + ": timestamp " + at.text().strip() + " is not after the previous one ("
                                + previous.text().strip() + ")");
            }
        }
        if (firstBadRow >= 0) {
            throw SampleFormatException.malformed(firstBadMessage);
        }
        return values;
    }

    /** Milliseconds since the epoch of an ISO-8601 date-time (UTC when it has no offset), or null. */
    static Double isoMillis(String cell) {
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
