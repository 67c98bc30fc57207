package dev.edgeforge.jobs.tune;

import java.util.ArrayList;
import java.util.List;

/**
 * What a candidate may cost on the board. The server fills a limit the request left out with the board's capacity (its
 * whole RAM or flash); a latency limit left out is {@code null}: any latency fits.
 *
 * @param maxLatencyMs  DSP plus network time per window, in ms, or {@code null} for none
 * @param maxRamBytes   DSP buffers + raw window + arena + runtime (stack included), in bytes
 * @param maxFlashBytes weights + model code + kernels + DSP + runtime, in bytes
 */
public record TuneLimits(Double maxLatencyMs, long maxRamBytes, long maxFlashBytes) {

    public TuneLimits {
        if (maxLatencyMs != null && !(maxLatencyMs > 0 && maxLatencyMs < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("maxLatencyMs must be positive, got " + maxLatencyMs);
        }
        if (maxRamBytes < 1 || maxFlashBytes < 1) {
            throw new IllegalArgumentException("maxRamBytes and maxFlashBytes must be positive");
        }
    }

    /** Which limits these costs exceed, as plain phrases; empty when they fit. */
    public List<String> exceeded(double latencyMs, long ramBytes, long flashBytes) {
        List<String> over = new ArrayList<>();
        if (maxLatencyMs != null && latencyMs > maxLatencyMs) {
            over.add("latency");
        }
        if (ramBytes > maxRamBytes) {
            over.add("ram");
        }
        if (flashBytes > maxFlashBytes) {
            over.add("flash");
        }
        return over;
    }

    /** Whether these costs are within every limit. */
    public boolean fits(double latencyMs, long ramBytes, long flashBytes) {
        return exceeded(latencyMs, ramBytes, flashBytes).isEmpty();
    }
}
