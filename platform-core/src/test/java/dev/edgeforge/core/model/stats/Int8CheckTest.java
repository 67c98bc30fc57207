package dev.edgeforge.core.model.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.model.Activation;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.FullyConnectedOptions;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.SoftmaxOptions;
import dev.edgeforge.core.quantization.PostTrainingQuantizer;
import dev.edgeforge.core.quantization.QuantizationOptions;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Int8CheckTest {

    private static final int FEATURES = 8;

    @Test
    void featuresOfSimilarRangesKeepTheFloatClass() {
        float[][] windows = windows(1);
        ModelGraph float32 = classifier();
        ModelGraph int8 = quantize(float32, windows);

        Int8Check check = Int8Check.of(float32, int8, windows, Int8Check.DEFAULT_THRESHOLD);

        assertThat(check.windows()).isEqualTo(windows.length);
        assertThat(check.agreement()).isGreaterThanOrEqualTo(0.98);
        assertThat(check.ok()).isTrue();
        assertThat(check.warning()).isNull();
        assertThat(check.suggestion()).isNull();
    }

    @Test
    void oneFeatureInRawUnitsBesideSmallOnesIsBlamedOnTheInputAndTheBlockIsSuggested() {
        // issue #19: RMS of 16-bit audio (thousands) beside log powers (a few units) in one int8 input
        float[][] windows = windows(4000);
        ModelGraph float32 = classifier();
        ModelGraph int8 = quantize(float32, windows);

        Int8Check check = Int8Check.of(float32, int8, windows, Int8Check.DEFAULT_THRESHOLD);

        assertThat(check.agreement()).isLessThan(0.9);
        assertThat(check.inputAgreement()).isLessThan(0.9);
        assertThat(check.ok()).isFalse();
        assertThat(check.widestFeature()).isZero();
        assertThat(check.coarseFeatures()).isEqualTo(FEATURES - 1);
        assertThat(check.warning()).contains("int8 input alone").contains("feature 0 spans [");
        assertThat(check.suggestion()).contains("processing block");
    }

    /** Feature 0 in [0, scale] counts for nothing; features 1.. in [-1, 1] decide between two classes. */
    private static ModelGraph classifier() {
        Random random = new Random(5);
        float[] weights = new float[2 * FEATURES];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = i % FEATURES == 0 ? 0f : random.nextFloat() * 2 - 1;
        }
        ModelGraph.Builder b = ModelGraph.builder();
        int in = b.addTensor("features", DataType.FLOAT32, new int[] {1, FEATURES});
        int w = b.addFloatConstant("w", new int[] {2, FEATURES}, weights);
        int bias = b.addFloatConstant("b", new int[] {2}, new float[] {0f, 0f});
        int logits = b.addTensor("logits", DataType.FLOAT32, new int[] {1, 2});
        b.addOperator(
                OpType.FULLY_CONNECTED, FullyConnectedOptions.of(Activation.NONE), new int[] {in, w, bias}, new int[] {
                    logits
                });
        int scores = b.addTensor("scores", DataType.FLOAT32, new int[] {1, 2});
        b.addOperator(OpType.SOFTMAX, new SoftmaxOptions(1f), new int[] {logits}, new int[] {scores});
        return b.setInputs(in).setOutputs(scores).build();
    }

    private static float[][] windows(float firstFeatureScale) {
        Random random = new Random(11);
        float[][] windows = new float[600][FEATURES];
        for (float[] window : windows) {
            window[0] = random.nextFloat() * firstFeatureScale;
            for (int i = 1; i < FEATURES; i++) {
                window[i] = random.nextFloat() * 2 - 1;
            }
        }
        return windows;
    }

    private static ModelGraph quantize(ModelGraph float32, float[][] windows) {
        return new PostTrainingQuantizer(QuantizationOptions.recommended()).quantize(float32, Arrays.asList(windows));
    }
}
