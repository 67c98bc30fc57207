package dev.edgeforge.training.augmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.edgeforge.core.learning.Augmentation;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.ImageAugmentation;
import dev.edgeforge.core.learning.SpectrogramAugmentation;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.core.learning.TimeSeriesAugmentation;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmenterTest {

    @Test
    void timeShiftMovesSamplesAndRepeatsTheEdge() {
        TimeSeriesAugmenter augmenter =
                new TimeSeriesAugmenter(TensorShape.of(4, 2), new TimeSeriesAugmentation(0, 0.5, 0));
        // [time 4, channels 2] at offset 1 inside a larger array
        float[] values = {99, 0, 10, 1, 11, 2, 12, 3, 13, 99};

        augmenter.shift(values, 1, 1);
        assertThat(values).containsExactly(99, 0, 10, 0, 10, 1, 11, 2, 12, 99);
        augmenter.shift(values, 1, -2);
        assertThat(values).containsExactly(99, 1, 11, 2, 12, 2, 12, 2, 12, 99);
    }

    @Test
    void scalingMultipliesTheWholeWindowByOneFactorInRange() {
        TimeSeriesAugmenter augmenter =
                new TimeSeriesAugmenter(TensorShape.of(3, 1), new TimeSeriesAugmentation(0, 0, 0.2));
        Random rng = new Random(1);
        for (int trial = 0; trial < 20; trial++) {
            float[] values = {1, 2, -4};
            augmenter.augment(values, 0, rng);
            float factor = values[0];
            assertThat(factor).isBetween(0.8f, 1.2f);
            assertThat(values).containsExactly(new float[] {factor, 2 * factor, -4 * factor}, within(1e-6f));
        }
    }

    @Test
    void noiseHasTheRequestedSpread() {
        TimeSeriesAugmenter augmenter =
                new TimeSeriesAugmenter(TensorShape.of(10_000, 1), new TimeSeriesAugmentation(0.5, 0, 0));
        float[] values = new float[10_000];
        augmenter.augment(values, 0, new Random(2));
        double sum = 0;
        double squares = 0;
        for (float v : values) {
            sum += v;
            squares += v * v;
        }
        assertThat(sum / values.length).isCloseTo(0, within(0.02));
        assertThat(Math.sqrt(squares / values.length)).isCloseTo(0.5, within(0.02));
    }

    @Test
    void spectrogramMasksZeroWholeFramesAndBins() {
        SpectrogramAugmenter augmenter =
                new SpectrogramAugmenter(TensorShape.of(3, 4, 1), new SpectrogramAugmentation(0, 0, 0, 0, 0));
        float[] values = filled(12);

        augmenter.maskFrames(values, 0, 1, 1);
        augmenter.maskBins(values, 0, 2, 2);

        assertThat(values).containsExactly(1, 2, 0, 0, 0, 0, 0, 0, 9, 10, 0, 0);
    }

    @Test
    void spectrogramShiftMovesFramesAndFillsWithEachBinsQuietestValue() {
        SpectrogramAugmenter augmenter =
                new SpectrogramAugmenter(TensorShape.of(3, 2), new SpectrogramAugmentation(0, 0, 0, 0, 0, 0.5));
        // [frames 3, bins 2] at offset 1; bin 0's quietest value is 1, bin 1's is 0
        float[] values = {99, 5, 0, 1, 6, 3, 7, 99};

        augmenter.shift(values, 1, 1);
        assertThat(values).containsExactly(99, 1, 0, 5, 0, 1, 6, 99);
        augmenter.shift(values, 1, -2);
        assertThat(values).containsExactly(99, 1, 6, 1, 0, 1, 0, 99);
    }

    @Test
    void binOffsetsMoveEachBinAlikeInEveryFrameScaledByItsSpread() {
        SpectrogramAugmenter augmenter =
                new SpectrogramAugmenter(TensorShape.of(4, 3), new SpectrogramAugmentation(0, 0, 0, 0, 0, 0, 1.0));
        // bin 0 spreads (std 1), bin 1 is constant (std 0: never moved), bin 2 spreads twice as much (std 2)
        float[] values = {1, 5, 2, 3, 5, 6, 1, 5, 2, 3, 5, 6};
        float[] before = values.clone();

        augmenter.offsetBins(values, 0, new Random(7));

        float shift0 = values[0] - before[0];
        float shift2 = values[2] - before[2];
        assertThat(shift0).isNotZero();
        for (int f = 0; f < 4; f++) {
            assertThat(values[f * 3] - before[f * 3]).isCloseTo(shift0, within(1e-5f));
            assertThat(values[f * 3 + 1]).isEqualTo(5f);
            assertThat(values[f * 3 + 2] - before[f * 3 + 2]).isCloseTo(shift2, within(1e-5f));
        }
        Random rng = new Random(7);
        assertThat(shift0).isCloseTo((float) rng.nextGaussian(), within(1e-5f));
        rng.nextGaussian();
        assertThat(shift2).isCloseTo((float) (2 * rng.nextGaussian()), within(1e-5f));
    }

    @Test
    void randomMasksStayWithinTheirMaximumWidth() {
        SpectrogramAugmenter augmenter =
                new SpectrogramAugmenter(TensorShape.of(20, 10), new SpectrogramAugmentation(1, 3, 0, 0, 0));
        Random rng = new Random(3);
        for (int trial = 0; trial < 50; trial++) {
            float[] values = new float[200];
            Arrays.fill(values, 1f);
            augmenter.augment(values, 0, rng);
            int zeros = 0;
            for (float v : values) {
                zeros += v == 0 ? 1 : 0;
            }
            assertThat(zeros % 10).isZero();
            assertThat(zeros / 10).isBetween(0, 3);
        }
    }

    @Test
    void flipMirrorsEveryRowKeepingChannelsTogether() {
        ImageAugmenter augmenter = new ImageAugmenter(TensorShape.of(2, 3, 2), new ImageAugmentation(true, 0, 0));
        float[] values = filled(12); // pixel (y, x) has channels (v, v + 1)

        augmenter.flipHorizontally(values, 0);

        assertThat(values).containsExactly(5, 6, 3, 4, 1, 2, 11, 12, 9, 10, 7, 8);
    }

    @Test
    void cropOfTheWholeImageIsTheIdentityAndAHalfCropUpscales() {
        ImageAugmenter augmenter = new ImageAugmenter(TensorShape.of(2, 2, 1), new ImageAugmentation(false, 0.5, 0));
        float[] values = {1, 2, 3, 4};
        augmenter.cropAndResize(values, 0, 0, 0, 2, 2);
        assertThat(values).containsExactly(1, 2, 3, 4);

        // The top-left pixel alone, scaled to 2 x 2: every pixel takes its value.
        augmenter.cropAndResize(values, 0, 0, 0, 1, 1);
        assertThat(values).containsExactly(1, 1, 1, 1);

        // A 1 x 2 row [10, 20] stretched to 4 wide samples at x = -0.25, 0.25, 0.75, 1.25 (clamped at the edges).
        ImageAugmenter wide = new ImageAugmenter(TensorShape.of(1, 4, 1), new ImageAugmentation(false, 0.5, 0));
        float[] row = {10, 20, 30, 40};
        wide.cropAndResize(row, 0, 0, 0, 1, 2);
        assertThat(row).containsExactly(new float[] {10, 12.5f, 17.5f, 20}, within(1e-5f));
    }

    @Test
    void brightnessAddsOneOffsetToTheWholeImage() {
        ImageAugmenter augmenter = new ImageAugmenter(TensorShape.of(2, 2, 1), new ImageAugmentation(false, 0, 0.3));
        float[] values = {0.1f, 0.2f, 0.3f, 0.4f};
        augmenter.augment(values, 0, new Random(4));
        float delta = values[0] - 0.1f;
        assertThat(delta).isBetween(-0.3f, 0.3f).isNotZero();
        assertThat(values)
                .containsExactly(new float[] {0.1f + delta, 0.2f + delta, 0.3f + delta, 0.4f + delta}, within(1e-6f));
    }

    @Test
    void rotationTurnsAboutTheCentreAndZeroDegreesIsTheIdentity() {
        ImageAugmenter augmenter =
                new ImageAugmenter(TensorShape.of(3, 3, 1), new ImageAugmentation(false, 0, 0, 0, 45));
        float[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9};

        augmenter.rotate(values, 0, 0);
        assertThat(values).containsExactly(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, within(1e-5f));

        // a quarter turn counter-clockwise as shown: the right column becomes the top row
        augmenter.rotate(values, 0, 90);
        assertThat(values).containsExactly(new float[] {3, 6, 9, 2, 5, 8, 1, 4, 7}, within(1e-5f));
    }

    @Test
    void contrastScalesTheDistanceFromTheImagesMean() {
        ImageAugmenter augmenter =
                new ImageAugmenter(TensorShape.of(2, 2, 1), new ImageAugmentation(false, 0, 0, 0.5, 0));
        float[] values = {0.1f, 0.2f, 0.3f, 0.4f};

        augmenter.scaleContrast(values, 0, 2);

        assertThat(values).containsExactly(new float[] {-0.05f, 0.15f, 0.35f, 0.55f}, within(1e-6f));
    }

    @Test
    void imagesAreAugmentedByDefaultReproduciblyForASeed() {
        // issue #20: flips, crops, brightness/contrast and small rotations for images by default
        TensorShape shape = TensorShape.of(8, 8, 3);
        Augmentation defaults =
                Hyperparameters.defaultsFor(FeatureKind.IMAGE, shape).augmentation();
        assertThat(defaults.image()).isEqualTo(new ImageAugmentation(true, 0.1, 0.1, 0.1, 10));
        Augmenter augmenter = Augmenter.of(FeatureKind.IMAGE, shape, defaults);
        assertThat(augmenter.isActive()).isTrue();

        float[] first = gradient(shape.elementCount());
        float[] again = gradient(shape.elementCount());
        float[] other = gradient(shape.elementCount());
        augmenter.augment(first, 0, new Random(42));
        augmenter.augment(again, 0, new Random(42));
        augmenter.augment(other, 0, new Random(43));

        assertThat(first).containsExactly(again).isNotEqualTo(gradient(shape.elementCount()));
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void settingsSavedBeforeContrastAndRotationReadWithBothOff() {
        ImageAugmentation old = new ImageAugmentation(true, 0.2, 0.1);
        assertThat(old.contrastDelta()).isZero();
        assertThat(old.maxRotationDegrees()).isZero();
        assertThat(new ImageAugmentation(false, 0, 0, 0, 60).problems())
                .containsExactly("augmentation.image.maxRotationDegrees must be between 0 and 45, got 60.0");
    }

    private static float[] gradient(int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (i % 17) / 17f;
        }
        return values;
    }

    @Test
    void sameSeedGivesTheSameAugmentation() {
        Augmenter augmenter = Augmenter.of(
                FeatureKind.TIME_SERIES,
                TensorShape.of(50, 3),
                Augmentation.of(new TimeSeriesAugmentation(0.1, 0.2, 0.2)));
        float[] first = filled(150);
        float[] second = filled(150);
        augmenter.augment(first, 0, new Random(5));
        augmenter.augment(second, 0, new Random(5));
        assertThat(first).containsExactly(second).isNotEqualTo(filled(150));
    }

    @Test
    void optionsForAnotherKindAreRejected() {
        assertThat(Augmenter.of(FeatureKind.FLAT, TensorShape.of(3), Augmentation.none())
                        .isActive())
                .isFalse();
        assertThatThrownBy(() -> Augmenter.of(
                        FeatureKind.IMAGE,
                        TensorShape.of(4, 4, 1),
                        Augmentation.of(new TimeSeriesAugmentation(0.1, 0, 0))))
                .hasMessage("augmentation.timeSeries is set but the features are image");
    }

    private static float[] filled(int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = i + 1;
        }
        return values;
    }
}
