package dev.edgeforge.core.format.csv;

import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import java.nio.charset.StandardCharsets;

/**
 * Writes a time series as CSV that {@link CsvSampleReader} reads back: UTF-8, {@code ,} delimiter, {@code .}
 * decimals, {@code \n} line ends, a {@code timestamp} column in milliseconds ({@code i * intervalMs}), then one
 * column per sensor headed {@code name (units)} (just {@code name} without units). Values are written so that they
 * parse back to the same float. CSV has no place for the device, so it is not written; the interval comes back as
 * the mean timestamp step, equal up to floating-point rounding.
 */
public final class CsvSampleWriter {

    private CsvSampleWriter() {}

    /**
     * @throws IllegalArgumentException for an image sample, or units containing brackets (which the header
     *                                  convention cannot carry)
     */
    public static byte[] write(SampleData data) {
        if (data.isImage()) {
            throw new IllegalArgumentException("an image sample has no values to write as CSV");
        }
        StringBuilder out = new StringBuilder(32 + data.length() * (data.axisCount() + 1) * 10);
        out.append("timestamp");
        for (Sensor s : data.sensors()) {
            out.append(',').append(quoted(headerCell(s)));
        }
        out.append('\n');
        for (int i = 0; i < data.length(); i++) {
            out.append(number(i * data.intervalMs()));
            for (int a = 0; a < data.axisCount(); a++) {
                out.append(',').append(number(data.value(a, i)));
            }
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String headerCell(Sensor s) {
        if (s.units().matches(".*[()\\[\\]].*")) {
            throw new IllegalArgumentException("units '" + s.units() + "' of sensor '" + s.name()
                    + "' contain brackets, which a CSV header cannot carry");
        }
        if (!s.units().isEmpty()) {
            return s.name() + " (" + s.units() + ")";
        }
        // a name that itself ends in brackets would be read as name + units: add empty units to keep it whole
        return s.name().endsWith(")") || s.name().endsWith("]") ? s.name() + " ()" : s.name();
    }

    private static String quoted(String cell) {
        boolean needsQuotes = cell.indexOf(',') >= 0
                || cell.indexOf('"') >= 0
                || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0
                || cell.indexOf(';') >= 0
                || cell.indexOf('\t') >= 0
                || !cell.equals(cell.strip());
        return needsQuotes ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    private static String number(float v) {
        boolean compactInteger =
                v == Math.rint(v) && Math.abs(v) <= (1 << 24) && !(v == 0 && Float.floatToRawIntBits(v) != 0);
        return compactInteger ? Integer.toString((int) v) : Float.toString(v);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
