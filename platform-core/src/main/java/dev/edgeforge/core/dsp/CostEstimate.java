package dev.edgeforge.core.dsp;

/**
 * What one window costs on a device running the block's C twin.
 *
 * <p>The model is deliberately simple and stated here so the numbers can be read correctly:
 * <ul>
 *   <li>{@code ramBytes}: the float32 working buffers and the output buffer the C twin needs (the input window
 *       itself is not counted: it belongs to the sampling code); the image block's output is the network's int8
 *       input tensor, one byte per value, which the device keeps in the network's arena;</li>
 *   <li>{@code romBytes}: the constant tables emitted by the code generator (FFT twiddles, windows, filterbanks,
 *       DCT matrices, filter coefficients);</li>
 *   <li>{@code operations}: floating-point operations per window, counting an add, multiply or compare as one and a
 *       {@code log}/{@code sqrt}/{@code pow} call as {@link #TRANSCENDENTAL_OPERATIONS}.</li>
 * </ul>
 * Time per window is {@code operations × CYCLES_PER_OPERATION / clock}. {@link #CYCLES_PER_OPERATION} = 2 stands for
 * a Cortex-M4F/M7 class core: single-cycle FPU arithmetic plus the loads, stores and loop overhead around it. Expect
 * the real figure within a factor of two; the benchmark and the emulator give measured numbers. The deployment
 * estimator and the impulse's costs time the time-series blocks with platform-jobs' {@code DspCosts} instead (their C
 * twins' instructions, fitted to emulator counts); this operation count stays the image block's estimate.
 *
 * @param ramBytes   working RAM in bytes
 * @param romBytes   constant table bytes (flash)
 * @param operations floating-point operations per window
 */
public record CostEstimate(long ramBytes, long romBytes, long operations) {

    /** Cycles one counted operation takes on average (see the class comment). */
    public static final double CYCLES_PER_OPERATION = 2.0;

    /** What a {@code logf}/{@code sqrtf} call counts as. */
    public static final long TRANSCENDENTAL_OPERATIONS = 20;

    /** Estimated milliseconds per window on a core clocked at {@code clockHz}. */
    public double millisecondsPerWindow(double clockHz) {
        if (clockHz <= 0) {
            throw new IllegalArgumentException("clock must be positive, got " + clockHz + " Hz");
        }
        return operations * CYCLES_PER_OPERATION / clockHz * 1000.0;
    }

    /** Operations of a real FFT of length {@code n} plus its power spectrum (about 2.5·n·log2(n) + 3·n). */
    static long realFftOperations(int n) {
        int log2 = Integer.numberOfTrailingZeros(n);
        return (long) (2.5 * n * log2) + 3L * n;
    }
}
