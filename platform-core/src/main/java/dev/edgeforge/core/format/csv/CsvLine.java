package dev.edgeforge.core.format.csv;

import dev.edgeforge.core.format.SampleFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into cells. Cells may be double-quoted ({@code ""} is a quote inside); unquoted cells are
 * trimmed, quoted ones kept as written. A quoted cell cannot span lines.
 */
final class CsvLine {

    private CsvLine() {}

    static List<String> split(String line, char delimiter, int row) {
        List<String> cells = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && line.charAt(i) != delimiter && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            StringBuilder cell = new StringBuilder();
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw SampleFormatException.malformed("row " + row + ": unterminated quote");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        cell.append(c);
                    }
                }
                while (i < n && line.charAt(i) != delimiter) {
                    if (!Character.isWhitespace(line.charAt(i))) {
                        throw SampleFormatException.malformed(
                                "row " + row + ": text after a closing quote in cell " + (cells.size() + 1));
                    }
                    i++;
                }
                cells.add(cell.toString());
            } else {
                int start = i;
                while (i < n && line.charAt(i) != delimiter) {
                    i++;
                }
                cells.add(line.substring(start, i).strip());
            }
            if (i >= n) {
                return cells;
            }
            i++; // the delimiter
        }
    }

    /** How often {@code c} occurs outside double quotes. */
    static int countOutsideQuotes(String line, char c) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                count++;
            }
        }
        return count;
    }
}
