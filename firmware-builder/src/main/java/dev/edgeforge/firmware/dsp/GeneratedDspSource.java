package dev.edgeforge.firmware.dsp;

import java.util.List;

/**
 * The C code generated for one processing block: a header with the size macros and the run function, a source with
 * the const params and tables, and the names of the hand-written C twin files (in {@code src/main/c/dsp/}) that
 * must be compiled with them.
 *
 * @param symbol         C identifier prefix of everything generated ({@code <symbol>_run}, {@code <SYMBOL>_…})
 * @param headerName     file name of the header ({@code <symbol>.h})
 * @param header         header text
 * @param sourceName     file name of the source ({@code <symbol>.c})
 * @param source         source text
 * @param runtimeSources the C twin sources this block needs, e.g. {@code ef_dsp_fft.c}
 * @param inputCount     input values per window
 * @param outputCount    features per window
 * @param scratchFloats  floats of static scratch memory
 */
public record GeneratedDspSource(
        String symbol,
        String headerName,
        String header,
        String sourceName,
        String source,
        List<String> runtimeSources,
        int inputCount,
        int outputCount,
        int scratchFloats) {

    public GeneratedDspSource {
        runtimeSources = List.copyOf(runtimeSources);
    }
}
