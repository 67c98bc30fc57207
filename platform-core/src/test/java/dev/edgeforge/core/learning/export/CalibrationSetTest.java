package dev.edgeforge.core.learning.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CalibrationSetTest {

    /** Row i holds the single value i, so a chosen row tells its index. */
    private static final float[][] ROWS = rows(40);

    @Test
    void picksOnlyCandidatesSeededAndAtMostTheLimit() {
        int[] train = {1, 3, 5, 7, 9, 11, 13, 15, 17, 19};

        List<float[]> picked = CalibrationSet.select(ROWS, train, 4, 7);

        assertThat(picked).hasSize(4).allMatch(row -> row[0] % 2 == 1 && row[0] < 20);
        assertThat(picked.stream().map(r -> r[0]).distinct()).hasSize(4);
        assertThat(CalibrationSet.select(ROWS, train, 4, 7)).isEqualTo(picked);
        assertThat(CalibrationSet.select(ROWS, train, 100, 7)).hasSize(train.length);
    }

    @Test
    void stratifiedTakesTheSameNumberFromEveryClass() {
        int[] labels = new int[ROWS.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i < 30 ? 0 : i < 36 ? 1 : 2; // 30, 6 and 4 rows
        }
        int[] all = IntStream.range(0, ROWS.length).toArray();

        List<float[]> picked = CalibrationSet.selectStratified(ROWS, labels, all, 9, 3);

        assertThat(picked).hasSize(9);
        assertThat(picked.stream().filter(r -> labels[(int) r[0]] == 2)).hasSize(3);
        assertThat(picked.stream().filter(r -> labels[(int) r[0]] == 1)).hasSize(3);
        // Classes run out: the rest comes from the classes that still have rows.
        assertThat(CalibrationSet.selectStratified(ROWS, labels, all, 20, 3).stream()
                        .filter(r -> labels[(int) r[0]] == 2))
                .hasSize(4);
    }

    @Test
    void rejectsEmptyOrOutOfRangeCandidates() {
        assertThatThrownBy(() -> CalibrationSet.select(ROWS, new int[0], 5, 1))
                .hasMessageContaining("no candidate windows");
        assertThatThrownBy(() -> CalibrationSet.select(ROWS, new int[] {40}, 5, 1))
                .hasMessageContaining("candidate row 40");
        assertThatThrownBy(() -> CalibrationSet.select(ROWS, new int[] {1}, 0, 1))
                .hasMessageContaining("at least 1 window");
    }

    private static float[][] rows(int count) {
        float[][] rows = new float[count][];
        for (int i = 0; i < count; i++) {
            rows[i] = new float[] {i};
        }
        return rows;
    }
}
