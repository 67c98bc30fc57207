package dev.edgeforge.core.learning;

import java.util.ArrayList;
import java.util.List;

/**
 * SpecAugment-style augmentation of {@code [frames, bins, channels]} spectrograms: a random shift along time, bands of
 * consecutive frames or frequency bins set to zero, plus Gaussian noise, and a random offset per bin that stays the
 * same over the whole sample (another microphone, room or voice colours every frame of a recording alike).
 *
 * @param timeMasks             number of time masks per sample (0 to 10)
 * @param maxTimeMaskWidth      largest width of a time mask in frames (each mask is 0 to this wide)
 * @param frequencyMasks        number of frequency masks per sample (0 to 10)
 * @param maxFrequencyMaskWidth largest width of a frequency mask in bins
 * @param noiseStd              standard deviation of Gaussian noise added to every value; 0 for none
 * @param maxTimeShift          largest shift along time as a fraction of the frames (0 to 0.5): the sample moves by a
 *                              uniform random number of frames in {@code [-max, max]}, the frames it leaves filled
 *                              with each bin's quietest value in the sample (silence for MFE and MFCC)
 * @param binOffset             size of the per-bin offset, in units of that bin's spread in the sample (its standard
 *                              deviation over the frames): each bin gets one Gaussian offset with this standard
 *                              deviation times its spread, added to every frame; 0 for none (0 to 10)
 */
public record SpectrogramAugmentation(
        int timeMasks,
        int maxTimeMaskWidth,
        int frequencyMasks,
        int maxFrequencyMaskWidth,
        double noiseStd,
        double maxTimeShift,
        double binOffset) {

    /** Masks and noise without a time shift. */
    public SpectrogramAugmentation(
            int timeMasks, int maxTimeMaskWidth, int frequencyMasks, int maxFrequencyMaskWidth, double noiseStd) {
        this(timeMasks, maxTimeMaskWidth, frequencyMasks, maxFrequencyMaskWidth, noiseStd, 0, 0);
    }

    /** Masks, noise and a time shift, without per-bin offsets. */
    public SpectrogramAugmentation(
            int timeMasks,
            int maxTimeMaskWidth,
            int frequencyMasks,
            int maxFrequencyMaskWidth,
            double noiseStd,
            double maxTimeShift) {
        this(timeMasks, maxTimeMaskWidth, frequencyMasks, maxFrequencyMaskWidth, noiseStd, maxTimeShift, 0);
    }

    /** Problems with the options, each naming the field. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        checkMasks(problems, "time", timeMasks, maxTimeMaskWidth);
        checkMasks(problems, "frequency", frequencyMasks, maxFrequencyMaskWidth);
        Augmentation.checkFraction(problems, "augmentation.spectrogram.noiseStd", noiseStd, 1e6);
        Augmentation.checkFraction(problems, "augmentation.spectrogram.maxTimeShift", maxTimeShift, 0.5);
        Augmentation.checkFraction(problems, "augmentation.spectrogram.binOffset", binOffset, 10);
        return problems;
    }

    private static void checkMasks(List<String> problems, String axis, int count, int maxWidth) {
        String prefix = "augmentation.spectrogram." + axis;
        if (count < 0 || count > 10) {
            problems.add(prefix + "Masks must be between 0 and 10, got " + count);
        }
        String widthField = "augmentation.spectrogram.max" + Character.toUpperCase(axis.charAt(0)) + axis.substring(1)
                + "MaskWidth";
        if (maxWidth < 0 || maxWidth > 10_000) {
            problems.add(widthField + " must be between 0 and 10000, got " + maxWidth);
        } else if (count > 0 && maxWidth == 0) {
            problems.add(widthField + " must be at least 1 when " + axis + " masks are used");
        }
    }
}
