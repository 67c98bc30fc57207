package dev.edgeforge.training.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.edgeforge.core.learning.LearningRateSchedule;
import org.junit.jupiter.api.Test;

class LearningRateControllerTest {

    @Test
    void withoutAScheduleTheRateIsConstant() {
        LearningRateController rate = new LearningRateController(0.01, null, 100);
        rate.onValidation(1.0);
        rate.onValidation(2.0);
        assertThat(rate.getNewValue(1)).isEqualTo(0.01f);
        assertThat(rate.getNewValue(100)).isEqualTo(0.01f);
    }

    @Test
    void reduceOnPlateauLowersTheRateAfterPatienceEpochsWithoutImprovementDownToTheMinimum() {
        LearningRateController rate =
                new LearningRateController(0.01, new LearningRateSchedule.ReduceOnPlateau(2, 0.5, 0.003), 100);
        rate.onValidation(1.0);
        rate.onValidation(0.9);
        rate.onValidation(0.95);
        assertThat(rate.rateAt(10)).isEqualTo(0.01);
        rate.onValidation(0.9); // not below the best (0.9): second epoch without improvement
        assertThat(rate.rateAt(10)).isEqualTo(0.005);
        rate.onValidation(0.8);
        rate.onValidation(0.85);
        rate.onValidation(0.85);
        assertThat(rate.rateAt(10)).isEqualTo(0.003);
        rate.onValidation(0.9);
        rate.onValidation(0.9);
        assertThat(rate.rateAt(10)).isEqualTo(0.003);
    }

    @Test
    void cosineWarmsUpLinearlyThenDecaysToTheMinimumAtTheLastStep() {
        LearningRateController rate =
                new LearningRateController(0.01, new LearningRateSchedule.Cosine(0.1, 0.001), 100);
        assertThat(rate.rateAt(5)).isCloseTo(0.005, within(1e-12));
        assertThat(rate.rateAt(10)).isCloseTo(0.01, within(1e-12));
        assertThat(rate.rateAt(55)).isCloseTo(0.0055, within(1e-12));
        assertThat(rate.rateAt(100)).isCloseTo(0.001, within(1e-12));
        assertThat(rate.rateAt(150)).isCloseTo(0.001, within(1e-12));
    }
}
