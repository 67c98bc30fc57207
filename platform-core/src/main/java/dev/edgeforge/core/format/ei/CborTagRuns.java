package dev.edgeforge.core.format.ei;

import dev.edgeforge.core.format.SampleFormatException;

/**
 * Refuses CBOR whose items carry long chains of tags, before Jackson reads it: Jackson's CBOR parser collects a
 * value's tags in a list it grows one copy at a time, so a chain of n tags costs O(n²) bytes (16,000 tags of one byte
 * each allocate 64 MB; 64,000 allocate 1 GB). An Edge Impulse message uses at most the self-describe tag, so a short
 * limit refuses nothing real.
 *
 * <p>The scan is linear and stops where the top-level item ends (an Edge Impulse binary message carries raw values
 * after it): CBOR writes every item's header before its contents, so walking the headers in order, skipping string
 * payloads and counting each container's remaining items, visits each header once. A message that ends early, holds
 * a reserved header or nests deeper than Jackson allows is left for Jackson to report.
 */
final class CborTagRuns {

    /** More tags than this on one item is refused. */
    static final int MAX_TAGS_PER_ITEM = 8;

    /** Jackson refuses deeper nesting itself (the parser's limit is 64); the scan gives up there. */
    private static final int MAX_DEPTH = 65;

    private static final long INDEFINITE = -1;

    private CborTagRuns() {}

    static void check(byte[] bytes) {
        long[] remaining = new long[MAX_DEPTH + 1]; // items each open container still holds, or INDEFINITE
        int depth = 0;
        remaining[0] = 1; // the top-level item
        int i = 0;
        int run = 0;
        while (i < bytes.length && depth >= 0) {
            int start = i;
            int initial = bytes[i++] & 0xFF;
            if (initial == 0xFF) { // break: closes the innermost indefinite container, an item of its parent
                if (depth == 0 || remaining[depth] != INDEFINITE) {
                    return;
                }
                depth = closeItem(remaining, depth - 1);
                continue;
            }
            int major = initial >>> 5;
            int info = initial & 0x1F;
            int argumentBytes = argumentBytes(info);
            if (argumentBytes < 0 || i + argumentBytes > bytes.length) {
                return;
            }
            long argument = info < 24 ? info : readArgument(bytes, i, argumentBytes);
            i += argumentBytes;
            if (major == 6) {
                if (++run > MAX_TAGS_PER_ITEM) {
                    throw SampleFormatException.malformed(
                            "more than " + MAX_TAGS_PER_ITEM + " CBOR tags on one item (at byte " + start + ")");
                }
                continue; // a tag and the item it tags count as one
            }
            run = 0;
            boolean indefinite = info == 31 && major >= 2 && major <= 5;
            if (!indefinite && major >= 2 && major <= 5 && (argument < 0 || argument > bytes.length - i)) {
                return; // a declared length beyond the message: Jackson says so
            }
            if ((major == 2 || major == 3) && !indefinite) {
                i += (int) argument;
            }
            long children = indefinite
                    ? INDEFINITE
                    : switch (major) {
                        case 4 -> argument;
                        case 5 -> 2 * argument;
                        default -> 0;
                    };
            if (children == 0) {
                depth = closeItem(remaining, depth);
            } else if (depth == MAX_DEPTH) {
                return;
            } else {
                remaining[++depth] = children;
            }
        }
    }

    /**
     * One item of the container open at {@code depth} is complete, and with it every definite container it
     * completes in turn. Answers the depth of the innermost container still open, or -1 when the top-level item is
     * complete.
     */
    private static int closeItem(long[] remaining, int depth) {
        int d = depth;
        while (remaining[d] != INDEFINITE && --remaining[d] == 0) {
            if (d == 0) {
                return -1;
            }
            d--;
        }
        return d;
    }

    /** Bytes of the header's argument after the initial byte; -1 for reserved values (28–30). */
    private static int argumentBytes(int info) {
        return switch (info) {
            case 24 -> 1;
            case 25 -> 2;
            case 26 -> 4;
            case 27 -> 8;
            case 28, 29, 30 -> -1;
            default -> 0;
        };
    }

    private static long readArgument(byte[] bytes, int at, int length) {
        long value = 0;
        for (int k = 0; k < length; k++) {
            value = (value << 8) | (bytes[at + k] & 0xFF);
        }
        return value;
    }
}
