package dev.edgeforge.core.format.ei;

/** Number formatting rules shared by the JSON and CBOR writers. */
final class Numbers {

    private Numbers() {}

    /**
     * Whether a value can be written as an integer without loss: whole, within the float's exact-integer range, and
     * not negative zero (whose sign an integer would drop).
     */
    static boolean isCompactInteger(float v) {
        return v == Math.rint(v) && Math.abs(v) <= (1 << 24) && !(v == 0 && Float.floatToRawIntBits(v) != 0);
    }
}
