package dev.edgeforge.jobs.board;

/**
 * A folder of int8 kernels under {@code src/main/c/kernels/}. A build compiles every file of
 * {@code kernels/reference/} except those that its variant's folder replaces with a file of the same name
 * (TFLite Micro's convention for optimized kernels): no {@code #ifdef}s in the kernels.
 */
public enum KernelVariant {
    /** Portable C99, the TFLM reference integer math; what host builds use. */
    REFERENCE("reference"),
    /** Armv7E-M DSP-extension (ACLE SIMD32) kernels for Cortex-M4 and Cortex-M7, bit-exact with the reference. */
    CORTEX_M("cortex_m");

    private final String folder;

    KernelVariant(String folder) {
        this.folder = folder;
    }

    /** The folder under {@code kernels/}. */
    public String folder() {
        return folder;
    }
}
