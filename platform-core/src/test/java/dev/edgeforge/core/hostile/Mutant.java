package dev.edgeforge.core.hostile;

import java.util.HexFormat;
import java.util.Objects;

/**
 * One hostile input: its bytes and how they were made, so that a failing property names the case (jqwik prints it)
 * and it can be rebuilt by hand.
 *
 * @param how   e.g. {@code "walk.json: truncated at 312"}
 * @param bytes the content
 */
public record Mutant(String how, byte[] bytes) {

    public Mutant {
        Objects.requireNonNull(how, "how");
        Objects.requireNonNull(bytes, "bytes");
    }

    /** The same bytes, with one more step of the story. */
    public Mutant then(String step, byte[] changed) {
        return new Mutant(how + "; " + step, changed);
    }

    @Override
    public String toString() {
        int shown = Math.min(bytes.length, 48);
        return how + " [" + bytes.length + " bytes, starting " + HexFormat.of().formatHex(bytes, 0, shown)
                + (shown < bytes.length ? "…" : "") + "]";
    }
}
