package dev.edgeforge.training.tune;

import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.Window;
import dev.edgeforge.core.impulse.WindowedInput;
import dev.edgeforge.core.impulse.Windower;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Raw windows of the validation split for a finalist's run in the emulator: cut as the features job cuts them
 * ({@link Windower}), the processing block's axes interleaved sample by sample as the firmware's {@code window}
 * command takes them, so the device runs its own DSP block and its instructions are counted. Labels take turns, so a
 * few windows cover the classes.
 */
final class FinalistWindows {

    /** Windows per finalist: enough to see the largest inference, few enough to run in seconds. */
    static final int COUNT = 8;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FinalistWindows() {}

    /** The windows as the firmware builder's test-window JSON ({@code {"windows":[{"raw":[…],"label":…}]}}). */
    static byte[] json(Impulse impulse, List<LabelledSample> validation, int count) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("windows");
        for (Labelled window : pick(impulse, validation, count)) {
            ObjectNode node = list.addObject();
            ArrayNode raw = node.putArray("raw");
            for (float value : window.raw()) {
                raw.add(value);
            }
            node.put("label", window.label());
        }
        return JSON.writeValueAsBytes(root);
    }

    record Labelled(float[] raw, String label) {}

    static List<Labelled> pick(Impulse impulse, List<LabelledSample> validation, int count) {
        if (!(impulse.input() instanceof WindowedInput input)) {
            throw new IllegalArgumentException("only windowed impulses have raw windows");
        }
        ImpulseDsp dsp = ImpulseDsp.of(impulse);
        ProcessingBlock block = dsp.processing();
        Windower windower = new Windower(input);
        Map<String, Deque<Labelled>> byLabel = new LinkedHashMap<>();
        for (LabelledSample sample : validation) {
            Deque<Labelled> queue = byLabel.computeIfAbsent(sample.label(), l -> new ArrayDeque<>());
            if (queue.size() >= count) {
                continue;
            }
            for (float[] raw : cut(sample.source().data(), block, windower, dsp.windowCount())) {
                queue.add(new Labelled(raw, sample.label()));
                if (queue.size() >= count) {
                    break;
                }
            }
        }
        List<Labelled> picked = new ArrayList<>();
        boolean any = true;
        while (picked.size() < count && any) {
            any = false;
            for (Deque<Labelled> queue : byLabel.values()) {
                if (!queue.isEmpty() && picked.size() < count) {
                    picked.add(queue.poll());
                    any = true;
                }
            }
        }
        return picked;
    }

    private static List<float[]> cut(SampleData data, ProcessingBlock block, Windower windower, int windowCount) {
        List<String> axes = data.sensors().stream().map(Sensor::name).toList();
        float[][] picked = new float[block.axes().size()][];
        for (int a = 0; a < picked.length; a++) {
            int index = axes.indexOf(block.axes().get(a));
            if (index < 0) {
                return List.of();
            }
            picked[a] = data.axis(index);
        }
        List<float[]> windows = new ArrayList<>();
        for (Window window : windower.windows(picked, data.intervalMs())) {
            float[][] w = window.axes();
            int n = w[0].length;
            float[] raw = new float[w.length * n];
            for (int s = 0; s < n; s++) {
                for (int a = 0; a < w.length; a++) {
                    raw[s * w.length + a] = w[a][s];
                }
            }
            if (raw.length == windowCount) {
                windows.add(raw);
            }
        }
        return windows;
    }
}
