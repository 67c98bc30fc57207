package dev.edgeforge.firmware.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.firmware.codegen.TestWindow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WindowVerificationTest {

    @Test
    void theSampleGivesEveryLabelItsShareSpreadOverTheTestSetThenTheRestFollows() {
        // 600 "a", 150 "b", 15 "c", 3 unlabelled, in blocks as test sets often come
        List<TestWindow> windows = new ArrayList<>();
        add(windows, "a", 600);
        add(windows, "b", 150);
        add(windows, "c", 15);
        add(windows, null, 3);

        List<Integer> order = WindowVerification.stratifiedOrder(windows, 200);

        assertThat(order).hasSize(768);
        assertThat(new HashSet<>(order)).hasSize(768);
        List<Integer> sample = order.subList(0, 200);
        Map<String, Long> perLabel = sample.stream()
                .map(i -> windows.get(i).label().orElse(""))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        // 200 × share, largest remainders: a 156.25, b 39.06, c 3.91, none 0.78
        assertThat(perLabel).containsEntry("a", 156L).containsEntry("b", 39L).containsEntry("c", 4L);
        assertThat(perLabel).containsEntry("", 1L);
        List<Integer> ofA = sample.stream().filter(i -> i < 600).toList();
        assertThat(ofA.get(0)).isZero();
        assertThat(ofA.get(ofA.size() - 1))
                .as("spread to the end of the label's windows")
                .isGreaterThan(590);
        assertThat(sample).isSorted();
        assertThat(order.subList(200, 768)).isSorted();
    }

    @Test
    void aSmallLabelIsInTheSampleEvenWhenItsShareRoundsToZero() {
        List<TestWindow> windows = new ArrayList<>();
        add(windows, "common", 995);
        add(windows, "rare", 5);
        List<Integer> sample = WindowVerification.stratifiedOrder(windows, 10).subList(0, 10);
        assertThat(sample).anyMatch(i -> i >= 995);
    }

    @Test
    void noSampleOrASampleAsLargeAsTheSetKeepsTheTestSetsOrder() {
        List<TestWindow> windows = new ArrayList<>();
        add(windows, "a", 5);
        add(windows, "b", 5);
        assertThat(WindowVerification.stratifiedOrder(windows, 0)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(WindowVerification.stratifiedOrder(windows, 10)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    private static void add(List<TestWindow> windows, String label, int count) {
        for (int i = 0; i < count; i++) {
            windows.add(TestWindow.quantized(new byte[] {1}, label));
        }
    }
}
