package dev.edgeforge.jobs.board;

import java.util.List;

/**
 * A CPU core with its arm-none-eabi-gcc code generation flags and the kernel variant it runs.
 * Every supported core has a single-precision FPU used with the hard-float ABI.
 */
public enum CpuCore {
    /** Cortex-M4 with FPv4-SP, DSP extension (SIMD32). */
    CORTEX_M4F("Cortex-M4F", "cortex-m4", "fpv4-sp-d16", KernelVariant.CORTEX_M),
    /** Cortex-M7 with single-precision FPv5, DSP extension. */
    CORTEX_M7F("Cortex-M7F (single precision)", "cortex-m7", "fpv5-sp-d16", KernelVariant.CORTEX_M);

    private final String displayName;
    private final String mcpu;
    private final String mfpu;
    private final KernelVariant kernelVariant;

    CpuCore(String displayName, String mcpu, String mfpu, KernelVariant kernelVariant) {
        this.displayName = displayName;
        this.mcpu = mcpu;
        this.mfpu = mfpu;
        this.kernelVariant = kernelVariant;
    }

    public String displayName() {
        return displayName;
    }

    /** {@code -mcpu}, {@code -mthumb}, {@code -mfpu} and {@code -mfloat-abi}: for compiling and linking. */
    public List<String> compilerFlags() {
        return List.of("-mcpu=" + mcpu, "-mthumb", "-mfpu=" + mfpu, "-mfloat-abi=hard");
    }

    /** The optimized kernels this core compiles in place of the reference ones. */
    public KernelVariant kernelVariant() {
        return kernelVariant;
    }
}
