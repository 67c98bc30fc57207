package dev.edgeforge.core.format.labels;

/**
 * A name as a {@link CharSequence} that may be read a bounded number of times: Java's regex engine reads its input
 * through {@code charAt}, so a pattern that backtracks catastrophically stops with {@link TooManyReads} instead of
 * running for years.
 */
final class BoundedText implements CharSequence {

    private final String text;
    private final int[] reads;
    private final int limit;

    BoundedText(String text, int limit) {
        this(text, new int[1], limit);
    }

    private BoundedText(String text, int[] reads, int limit) {
        this.text = text;
        this.reads = reads;
        this.limit = limit;
    }

    @Override
    public char charAt(int index) {
        if (++reads[0] > limit) {
            throw new TooManyReads();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        // shares the count: a match may not escape its limit through a sub-sequence
        return new BoundedText(text.substring(start, end), reads, limit);
    }

    @Override
    public String toString() {
        return text;
    }

    /** The match read the name more often than allowed. */
    static final class TooManyReads extends RuntimeException {
        TooManyReads() {
            super(null, null, false, false);
        }
    }
}
