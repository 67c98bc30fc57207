package dev.edgeforge.core.format.csv;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Header-cell conventions: {@code name (units)} or {@code name [units]} for value columns, and the names that mark
 * the timestamp column.
 */
final class CsvHeader {

    private static final Pattern UNIT_SUFFIX = Pattern.compile("(.*?)[_ -]([a-zµ]+)");

    private static final Set<String> TIMESTAMP_NAMES = Set.of(
            "timestamp",
            "time",
            "t",
            "ts",
            "datetime",
            "date_time",
            "time_stamp",
            "elapsed",
            "seconds",
            "secs",
            "sec",
            "millis",
            "milliseconds",
            "micros",
            "microseconds");

    private static final Map<String, CsvTimestamps> UNITS = Map.ofEntries(
            Map.entry("ms", CsvTimestamps.MILLISECONDS),
            Map.entry("msec", CsvTimestamps.MILLISECONDS),
            Map.entry("millis", CsvTimestamps.MILLISECONDS),
            Map.entry("milliseconds", CsvTimestamps.MILLISECONDS),
            Map.entry("s", CsvTimestamps.SECONDS),
            Map.entry("sec", CsvTimestamps.SECONDS),
            Map.entry("secs", CsvTimestamps.SECONDS),
            Map.entry("second", CsvTimestamps.SECONDS),
            Map.entry("seconds", CsvTimestamps.SECONDS),
            Map.entry("us", CsvTimestamps.MICROSECONDS),
            Map.entry("µs", CsvTimestamps.MICROSECONDS),
            Map.entry("usec", CsvTimestamps.MICROSECONDS),
            Map.entry("micros", CsvTimestamps.MICROSECONDS),
            Map.entry("microseconds", CsvTimestamps.MICROSECONDS),
            Map.entry("iso", CsvTimestamps.ISO_8601),
            Map.entry("iso8601", CsvTimestamps.ISO_8601));

    private CsvHeader() {}

    /**
     * {@code [name, units]} of a value column's header cell: a name followed by units in round or square brackets at
     * the end, with blanks between them dropped. Read by hand: the regular expression that says the same,
     * {@code (.*?)\s*[(\[]([^()\[\]]*)[)\]]}, backtracks quadratically over a long blank run inside a cell (20,000
     * blanks took 2 s of CPU, ten times as many a hundred times that), and header cells come from uploads.
     */
    static String[] nameAndUnits(String cell) {
        int close = cell.length() - 1;
        if (close < 1 || !isOneOf(cell.charAt(close), ")]")) {
            return new String[] {cell, ""};
        }
        int open = close - 1;
        while (open >= 0 && !isOneOf(cell.charAt(open), "()[]")) {
            open--; // the units hold no bracket, so they start after the last bracket before the closing one
        }
        if (open < 0 || !isOneOf(cell.charAt(open), "([")) {
            return new String[] {cell, ""};
        }
        int nameEnd = open;
        while (nameEnd > 0 && isRegexBlank(cell.charAt(nameEnd - 1))) {
            nameEnd--;
        }
        String name = cell.substring(0, nameEnd);
        if (name.isBlank() || name.chars().anyMatch(CsvHeader::isLineTerminator)) {
            return new String[] {cell, ""}; // as before: the name part never held a line terminator
        }
        return new String[] {name, cell.substring(open + 1, close).strip()};
    }

    private static boolean isOneOf(char c, String chars) {
        return chars.indexOf(c) >= 0;
    }

    /** What {@code \s} matches: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isRegexBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** What {@code .} does not match. */
    private static boolean isLineTerminator(int c) {
        return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    /**
     * Whether a header cell names a timestamp column and, if its name says, the unit: {@code timestamp},
     * {@code time (s)}, {@code time_ms}, {@code t [us]}, {@code seconds}, …
     */
    static Optional<Optional<CsvTimestamps>> timestamp(String cell) {
        String lower = cell.strip().toLowerCase(Locale.ROOT);
        String[] split = nameAndUnits(lower);
        String base = split[0].strip();
        Optional<CsvTimestamps> unit = Optional.ofNullable(UNITS.get(split[1]));
        if (!split[1].isEmpty() && unit.isEmpty()) {
            return Optional.empty(); // "time (days)": not a unit we know, so not our timestamp
        }
        if (unit.isEmpty()) {
            Matcher m = UNIT_SUFFIX.matcher(base);
            if (m.matches() && TIMESTAMP_NAMES.contains(m.group(1)) && UNITS.containsKey(m.group(2))) {
                return Optional.of(Optional.of(UNITS.get(m.group(2))));
            }
        }
        if (!TIMESTAMP_NAMES.contains(base)) {
            return Optional.empty();
        }
        if (unit.isEmpty() && UNITS.containsKey(base)) {
            unit = Optional.of(UNITS.get(base)); // "seconds", "millis"
        }
        return Optional.of(unit);
    }

    /** Edge Impulse's own CSV layout names its millisecond column exactly {@code timestamp}. */
    static boolean isEdgeImpulseTimestamp(String cell) {
        return cell.strip().equalsIgnoreCase("timestamp");
    }
}
