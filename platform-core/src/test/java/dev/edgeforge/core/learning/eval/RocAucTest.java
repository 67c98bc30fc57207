package dev.edgeforge.core.learning.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RocAucTest {

    @Test
    void textbookExample() {
        // positives 0.35 and 0.8, negatives 0.1 and 0.4: pairs (0.35>0.1), (0.35<0.4), (0.8>0.1), (0.8>0.4) -> 3/4
        double[] scores = {0.1, 0.4, 0.35, 0.8};
        boolean[] positive = {false, false, true, true};

        assertThat(RocAuc.of(scores, positive)).isEqualTo(0.75);
        assertThat(RocAuc.curve(scores, positive))
                .containsExactly(
                        new RocAuc.RocPoint(Double.POSITIVE_INFINITY, 0, 0),
                        new RocAuc.RocPoint(0.8, 0, 0.5),
                        new RocAuc.RocPoint(0.4, 0.5, 0.5),
                        new RocAuc.RocPoint(0.35, 0.5, 1),
                        new RocAuc.RocPoint(0.1, 1, 1));
    }

    @Test
    void tiesCountOneHalf() {
        // positive 2 vs negatives 2 (tie: 0.5) and 1 (win: 1); positive 3 wins twice -> (0.5 + 1 + 2) / 4
        assertThat(RocAuc.of(new double[] {2, 3, 2, 1}, new boolean[] {true, true, false, false}))
                .isCloseTo(3.5 / 4, within(1e-12));
        assertThat(RocAuc.of(new double[] {1, 1}, new boolean[] {true, false})).isEqualTo(0.5);
    }

    @Test
    void perfectAndInvertedSeparation() {
        assertThat(RocAuc.of(new double[] {1, 2, 3, 4}, new boolean[] {false, false, true, true}))
                .isEqualTo(1.0);
        assertThat(RocAuc.of(new double[] {4, 3, 2, 1}, new boolean[] {false, false, true, true}))
                .isEqualTo(0.0);
    }

    @Test
    void needsBothClasses() {
        assertThat(RocAuc.isDefined(new boolean[] {true, true})).isFalse();
        assertThatThrownBy(() -> RocAuc.of(new double[] {1, 2}, new boolean[] {false, false}))
                .hasMessage("the AUC needs at least one positive and one negative sample");
    }
}
