/**
 * Processing (DSP) blocks: they turn one window of raw signal into the features a small network learns from.
 *
 * <p>Blocks: {@link dev.edgeforge.core.dsp.RawBlock raw}, {@link dev.edgeforge.core.dsp.FlattenBlock flatten},
 * {@link dev.edgeforge.core.dsp.SpectralAnalysisBlock spectral analysis}, {@link dev.edgeforge.core.dsp.MfeBlock MFE},
 * {@link dev.edgeforge.core.dsp.MfccBlock MFCC}, {@link dev.edgeforge.core.dsp.SpectrogramBlock spectrogram} and
 * {@link dev.edgeforge.core.dsp.ImageBlock image}. Each is configured by a typed parameter record implementing
 * {@link dev.edgeforge.core.dsp.DspParams} (JSON with a {@code "type"} discriminator, Edge Impulse defaults for
 * missing fields), refuses unworkable parameters with {@link dev.edgeforge.core.dsp.DspParameterViolation} naming
 * each field, reports its {@link dev.edgeforge.core.dsp.FeatureShape output shape} and a
 * {@link dev.edgeforge.core.dsp.CostEstimate cost} on a device. FFTs come from JTransforms.
 *
 * <p>Every block has a C twin in {@code firmware-builder/src/main/c/dsp/} (invariant 2 of the design: the two agree
 * within 1e-4 relative error, checked by {@code DspParityIT}). The Java side may compute in double; where round-off
 * would be fed back or amplified (the IIR filter, the mean removed before a log spectrum) it computes in float in the
 * C twin's exact operation order, and logs are floored well above float32 noise.
 *
 * <h2>How to add a new DSP block</h2>
 * <ol>
 *   <li>Write the parameter record {@code FooParams implements DspParams}: a {@code TYPE} constant, a
 *       {@code defaults()} factory, a {@code @JsonCreator} factory that fills missing fields with the defaults; add it
 *       to the {@code permits} clause and the {@code @JsonSubTypes} of {@link dev.edgeforge.core.dsp.DspParams}.</li>
 *   <li>Write {@code FooBlock extends ParamsBlock<FooParams>}: {@code check} lists every refused field (use
 *       {@code Checks}), {@code compute} is pure and thread-safe (keep what the input shape determines in an
 *       immutable plan record behind a {@code PlanCache}), {@code scratchFloats} is exactly the working memory the
 *       C twin takes, and the cost counts what the C twin does. Document the numerical definition in the class
 *       comment: it is the contract for the C twin.</li>
 *   <li>Write {@code ef_dsp_foo.h/.c} in {@code firmware-builder/src/main/c/dsp/}: a const params struct, one pure
 *       function taking the params, the input, a scratch buffer and the output; sizes only from the params; every
 *       table Java can compute (windows, filterbanks, twiddles) comes in the params.</li>
 *   <li>Teach {@code DspCodeGenerator} (firmware-builder) to emit the params initializer from a template, and add
 *       the block to {@code DspParityIT}'s parameter matrix.</li>
 * </ol>
 */
package dev.edgeforge.core.dsp;
