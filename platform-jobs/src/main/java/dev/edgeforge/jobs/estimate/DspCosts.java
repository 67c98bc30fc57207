package dev.edgeforge.jobs.estimate;

import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.core.device.WindowSample;
import dev.edgeforge.core.dsp.ButterworthFilter;
import dev.edgeforge.core.dsp.DspBlock;
import dev.edgeforge.core.dsp.FlattenBlock;
import dev.edgeforge.core.dsp.FrameLayout;
import dev.edgeforge.core.dsp.MfccBlock;
import dev.edgeforge.core.dsp.MfeBlock;
import dev.edgeforge.core.dsp.RawBlock;
import dev.edgeforge.core.dsp.SignalShape;
import dev.edgeforge.core.dsp.SpectralAnalysisBlock;
import dev.edgeforge.core.dsp.SpectrogramBlock;
import java.util.OptionalLong;

/**
 * Instructions per window of the DSP block's C twin as the firmware runs it ({@code src/main/c/dsp}, arm-none-eabi-gcc
 * {@code -O2} for Cortex-M4F), modelled on the code's loops and fitted to the counts QEMU measures on the emulated
 * STM32F405 ({@code -icount shift=0}, TIM2): the real FFT is {@code 56.4·m + 63.7·(m/4)·paired passes + 29.4·(m/2)
 * ·lone passes} for {@code m = n/2} complex points (within 2% from 16 to 2048 points); the audio front end reads 8
 * instructions per int16 sample (6 per float32), pre-emphasis and taper 7 and 5 (9 together), 2 per zero pad; a mel
 * weight 5.5, a filter 12, a log with its floor 120 (MFCC) or 96.5 (normalised to the noise floor's scale: MFE,
 * spectrogram); a DCT coefficient 4.5 per filter. The spectral-analysis block per axis: 32 per sample (read, mean,
 * moments), 18.4 per sample and filter section, per segment its taper (5), pad (2), FFT and hold (6 per bin), 82.7
 * per logged bin and 36 per peak and bin; flatten 39 and raw 6 per value. Every block at its default settings is
 * within 15 % of QEMU ({@code DspInstructionsIT} in firmware-builder holds it; measured within 1.5 %; spectral
 * analysis within 5 % over six settings). The image block has no instruction model yet: {@link #instructions} is
 * empty for it.
 *
 * <p>The network operators' coefficients are {@link KernelCosts}; this class is the DSP side only.
 */
public final class DspCosts {

    /** A power's log with its floor and its normalisation to the noise-floor scale (MFE, spectrogram). */
    private static final double LOG_NORMALISED = 96.5;

    private DspCosts() {}

    /** Instructions of one window through the impulse's DSP block; empty for the image block (not modelled). */
    public static OptionalLong instructions(ImpulseDsp dsp) {
        if (dsp.image()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.round(instructions(dsp.block(), dsp.shape(), dsp.sample())));
    }

    /**
     * Milliseconds per window of a time-series block on a Cortex-M4F at {@code clockHz}: its instructions at
     * {@link DeploymentEstimator#CORTEX_M4F_CYCLES_PER_INSTRUCTION}, as a deployment's estimate counts them.
     */
    public static double millisecondsPerWindow(DspBlock block, SignalShape input, WindowSample sample, double clockHz) {
        return instructions(block, input, sample)
                * DeploymentEstimator.CORTEX_M4F_CYCLES_PER_INSTRUCTION
                / clockHz
                * 1000.0;
    }

    /** Instructions of one window of {@code input} through a time-series block on windows of {@code sample}. */
    public static double instructions(DspBlock block, SignalShape input, WindowSample sample) {
        double read = sample == WindowSample.INT16 ? 8 : 6;
        if (block instanceof MfccBlock b) {
            FrameLayout layout = b.layout(input);
            int filters = b.filterbank(input).filterCount();
            double perFrame = frontEnd(layout, read, b.params().preEmphasis() != 0, b.window(input) != null)
                    + 5.5 * b.filterbank(input).weightCount()
                    + (12 + 120) * filters
                    + 4.5 * filters * b.params().coefficientCount();
            return layout.frameCount() * perFrame;
        }
        if (block instanceof MfeBlock b) {
            FrameLayout layout = b.layout(input);
            int filters = b.filterbank(input).filterCount();
            double perFrame = frontEnd(layout, read, MfeBlock.PRE_EMPHASIS != 0, false)
                    + 5.5 * b.filterbank(input).weightCount()
                    + (12 + LOG_NORMALISED) * filters;
            return layout.frameCount() * perFrame;
        }
        if (block instanceof SpectrogramBlock b) {
            FrameLayout layout = b.layout(input);
            double perBin = b.params().logScale() ? LOG_NORMALISED : 3;
            return layout.frameCount() * (frontEnd(layout, read, false, false) + perBin * layout.binCount());
        }
        if (block instanceof SpectralAnalysisBlock b) {
            int n = input.sampleCount();
            int fft = b.params().fftLength();
            int half = fft / 2;
            int segment = b.segmentLength(input);
            ButterworthFilter filter = b.filter(input);
            int sections = filter == null ? 0 : filter.sectionCount();
            double perAxis = (32 + read - 6) * n
                    + 18.4 * sections * n
                    + b.segmentCount(input) * (5.0 * segment + 2.0 * (fft - segment) + realFft(fft) + 6.0 * half)
                    + (b.params().log() ? 82.7 * half : 0)
                    + 36.0 * b.params().spectralPeakCount() * half;
            return input.axisCount() * perAxis;
        }
        if (block instanceof FlattenBlock) {
            return (39 + 2 * (read - 6)) * input.axisCount() * input.sampleCount();
        }
        if (block instanceof RawBlock) {
            return read * input.axisCount() * input.sampleCount();
        }
        throw new IllegalArgumentException("no instruction model for block type " + block.type());
    }

    /** One frame's samples read, pre-emphasised and tapered, zero-padded and through the real FFT to powers. */
    private static double frontEnd(FrameLayout layout, double read, boolean preEmphasis, boolean taper) {
        int length = layout.fftInputLength();
        double shaping = preEmphasis && taper ? 9 : preEmphasis ? 7 : taper ? 5 : 0;
        return (read + shaping) * length + 2.0 * (layout.fftLength() - length) + realFft(layout.fftLength());
    }

    /**
     * The real FFT with its power spectrum ({@code ef_rfft_power}) of {@code n} points: bit reversal, the first two
     * stages (no multiply), the remaining stages in pairs and the last alone when their count is odd, the split.
     */
    static double realFft(int n) {
        int m = n / 2;
        int stages = Integer.numberOfTrailingZeros(m);
        int after = Math.max(0, stages - 2);
        return 56.4 * m + 63.7 * (m / 4.0) * (after / 2) + 29.4 * (m / 2.0) * (after % 2) + 11;
    }
}
