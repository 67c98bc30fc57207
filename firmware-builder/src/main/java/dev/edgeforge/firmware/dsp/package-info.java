/**
 * C code generation for the DSP blocks: {@link dev.edgeforge.firmware.dsp.DspCodeGenerator} turns a block of
 * {@code dev.edgeforge.core.dsp} into const params data and a run function for its hand-written C twin in
 * {@code src/main/c/dsp/} (the MFCC benchmark in {@code bench/} measures both on the host).
 */
package dev.edgeforge.firmware.dsp;
