package dev.edgeforge.firmware.toolchain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the map file GNU ld writes with {@code -Map}: the "Memory Configuration" table and the output and input
 * sections of "Linker script and memory map". Long section names make ld wrap the address and size onto the next
 * line; both layouts are handled. Lines that are neither (symbol assignments, LOAD lines, fill, patterns) are
 * skipped.
 */
public final class MapFileParser {

    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern PLACEMENT = Pattern.compile(
            "\\s*(0x[0-9a-fA-F]+)\\s+(0x[0-9a-fA-F]+)(?:\\s+load address\\s+(0x[0-9a-fA-F]+))?\\s*(.*)");

    private MapFileParser() {}

    /** @throws IllegalArgumentException when the text has no memory configuration or memory map */
    public static LinkerMap parse(String mapText) {
        List<String> lines = mapText.lines().toList();
        int memoryConfiguration = indexOf(lines, "Memory Configuration");
        int memoryMap = indexOf(lines, "Linker script and memory map");
        if (memoryConfiguration < 0 || memoryMap < 0) {
            throw new IllegalArgumentException(
                    "not a GNU ld map file: no 'Memory Configuration' or 'Linker script and memory map' heading");
        }
        return new LinkerMap(
                parseRegions(lines, memoryConfiguration + 1, memoryMap), parseSections(lines, memoryMap + 1));
    }

    private static int indexOf(List<String> lines, String heading) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(heading)) {
                return i;
            }
        }
        return -1;
    }

    private static List<LinkerMemoryRegion> parseRegions(List<String> lines, int from, int to) {
        List<LinkerMemoryRegion> regions = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String[] fields = lines.get(i).trim().split("\\s+");
            if (fields.length >= 3
                    && !fields[0].equals("*default*")
                    && HEX.matcher(fields[1]).matches()
                    && HEX.matcher(fields[2]).matches()) {
                regions.add(new LinkerMemoryRegion(fields[0], hex(fields[1]), hex(fields[2])));
            }
        }
        return regions;
    }

    private static List<OutputSection> parseSections(List<String> lines, int from) {
        List<OutputSection> sections = new ArrayList<>();
        SectionBuilder current = null;
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                if (current != null) {
                    sections.add(current.build());
                    current = null;
                }
                String name = line.split("\\s+")[0];
                if (!name.startsWith(".")) {
                    continue; // LOAD, OUTPUT(...), START GROUP, /DISCARD/ …
                }
                Matcher placement = placementAfter(line, name, lines, i);
                if (placement == null) {
                    continue;
                }
                if (!line.substring(name.length()).trim().startsWith("0x")) {
                    i++; // the placement was on the following line
                }
                long address = hex(placement.group(1));
                long load = placement.group(3) != null ? hex(placement.group(3)) : address;
                current = new SectionBuilder(name, address, hex(placement.group(2)), load);
            } else if (current != null
                    && line.length() > 1
                    && line.charAt(0) == ' '
                    && !Character.isWhitespace(line.charAt(1))
                    && line.charAt(1) != '*') {
                String name = line.trim().split("\\s+")[0];
                Matcher placement = placementAfter(line.substring(1), name, lines, i);
                if (placement == null) {
                    continue;
                }
                if (!line.trim().substring(name.length()).trim().startsWith("0x")) {
                    i++;
                }
                String file = placement.group(4).trim();
                if (!file.isEmpty()) {
                    current.inputs.add(
                            new InputSection(name, hex(placement.group(1)), hex(placement.group(2)), fileName(file)));
                }
            }
        }
        if (current != null) {
            sections.add(current.build());
        }
        return sections;
    }

    /** The address/size part after a section name, on the same line or, when wrapped, the next one. */
    private static Matcher placementAfter(String line, String name, List<String> lines, int index) {
        String rest = line.trim().substring(name.length());
        if (rest.isBlank()) {
            if (index + 1 >= lines.size()) {
                return null;
            }
            rest = lines.get(index + 1);
        }
        Matcher matcher = PLACEMENT.matcher(rest);
        return matcher.matches() ? matcher : null;
    }

    /** {@code /build/obj/conv2d.o} → {@code conv2d.o}; archive members keep their archive name. */
    private static String fileName(String path) {
        int paren = path.indexOf('(');
        String head = paren >= 0 ? path.substring(0, paren) : path;
        int slash = head.lastIndexOf('/');
        return slash >= 0 ? path.substring(slash + 1) : path;
    }

    private static long hex(String text) {
        return Long.parseLong(text.substring(2), 16);
    }

    private static final class SectionBuilder {
        private final String name;
        private final long address;
        private final long size;
        private final long loadAddress;
        private final List<InputSection> inputs = new ArrayList<>();

        SectionBuilder(String name, long address, long size, long loadAddress) {
            this.name = name;
            this.address = address;
            this.size = size;
            this.loadAddress = loadAddress;
        }

        OutputSection build() {
            return new OutputSection(name, address, size, loadAddress, inputs);
        }
    }
}
