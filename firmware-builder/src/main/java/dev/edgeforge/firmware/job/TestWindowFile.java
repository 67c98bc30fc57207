package dev.edgeforge.firmware.job;

import dev.edgeforge.core.feature.FeatureFormatException;
import dev.edgeforge.core.feature.FeatureRow;
import dev.edgeforge.core.feature.FeatureSet;
import dev.edgeforge.firmware.codegen.TestWindow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The test windows of a deployment, as an object in the object store. Two formats, told apart by their first bytes:
 * <ol>
 *   <li>a feature set file ({@link FeatureSet}, magic {@code EFFS}): the model's test split as features, one window
 *       per row with its label; the verification quantizes each with the input tensor's scale and zero point, as
 *       the device's {@code ef_quantize_f32_s8} does;</li>
 *   <li>JSON: {@code {"windows": [{"int8": "<base64 of the int8 input tensor>", "label": "yes"},
 *       {"features": [0.5, -1.25, …]}, {"raw": [12.0, …], "label": "no"}]}} — int8 input tensors, float features
 *       or raw windows (interleaved samples, or RGB values 0..255) for the impulse; {@code label} is optional.</li>
 * </ol>
 * Without test windows the job uses {@link #random seeded random int8 windows}.
 */
public final class TestWindowFile {

    /** Windows from the model's test split (a feature set file). */
    public static final String SOURCE_TEST_SET = "test-set";
    /** Windows given as JSON. */
    public static final String SOURCE_GIVEN = "given";
    /** Seeded random int8 windows: no test set was available. */
    public static final String SOURCE_RANDOM = "random";

    private static final byte[] FEATURE_SET_MAGIC = "EFFS".getBytes(StandardCharsets.US_ASCII);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Test windows with where they came from.
     *
     * @param windows the windows, in order
     * @param source  {@link #SOURCE_TEST_SET}, {@link #SOURCE_GIVEN} or {@link #SOURCE_RANDOM}
     * @param note    the same in words, for the log and the page
     */
    public record Windows(List<TestWindow> windows, String source, String note) {
        public Windows {
            windows = List.copyOf(windows);
        }
    }

    private TestWindowFile() {}

    /**
     * Reads a test window object.
     *
     * @param key for messages
     * @throws IllegalArgumentException naming the key and what is wrong when the object is neither format, or empty
     */
    public static Windows read(byte[] bytes, String key) {
        if (bytes.length >= 4 && Arrays.equals(Arrays.copyOf(bytes, 4), FEATURE_SET_MAGIC)) {
            return readFeatureSet(bytes, key);
        }
        return readJson(bytes, key);
    }

    private static Windows readFeatureSet(byte[] bytes, String key) {
        FeatureSet set;
        try {
            set = FeatureSet.fromBytes(bytes);
        } catch (FeatureFormatException e) {
            throw new IllegalArgumentException("the test set " + key + " is damaged: " + e.getMessage(), e);
        }
        List<TestWindow> windows = new ArrayList<>();
        for (FeatureRow row : set.rows()) {
            windows.add(TestWindow.features(row.features(), row.label()));
        }
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("the test set " + key + " has no rows");
        }
        return new Windows(
                windows,
                SOURCE_TEST_SET,
                windows.size() + " windows of the model's test set (impulse v"
                        + set.header().impulseVersion() + ", "
                        + set.header().labels().size() + " labels)");
    }

    private static Windows readJson(byte[] bytes, String key) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    "the test windows " + key + " are neither a feature set file (EFFS) " + "nor JSON: "
                            + e.getOriginalMessage(),
                    e);
        }
        JsonNode list = root == null ? null : root.get("windows");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException("the test windows " + key
                    + " need a non-empty array 'windows' of {\"int8\"|\"features\"|\"raw\", \"label\"} objects");
        }
        List<TestWindow> windows = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            windows.add(window(list.get(i), "windows[" + i + "] of " + key));
        }
        return new Windows(windows, SOURCE_GIVEN, windows.size() + " given test windows");
    }

    private static TestWindow window(JsonNode node, String where) {
        String label = node.hasNonNull("label") ? node.get("label").asString() : null;
        if (node.hasNonNull("int8")) {
            byte[] input;
            try {
                input = Base64.getDecoder().decode(node.get("int8").asString());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": 'int8' is not base64", e);
            }
            return TestWindow.quantized(input, label);
        }
        if (node.hasNonNull("features")) {
            return TestWindow.features(floats(node.get("features"), where + ".features"), label);
        }
        if (node.hasNonNull("raw")) {
            return TestWindow.raw(floats(node.get("raw"), where + ".raw"), label);
        }
        throw new IllegalArgumentException(where + " has none of 'int8', 'features', 'raw'");
    }

    private static float[] floats(JsonNode array, String where) {
        if (!array.isArray() || array.isEmpty()) {
            throw new IllegalArgumentException(where + " must be a non-empty array of numbers");
        }
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode value = array.get(i);
            if (!value.isNumber() || !Float.isFinite(value.floatValue())) {
                throw new IllegalArgumentException(where + "[" + i + "] is not a finite number: " + value);
            }
            values[i] = value.floatValue();
        }
        return values;
    }

    /** Writes windows in the JSON format (what {@link #read} reads back). */
    public static byte[] json(List<TestWindow> windows) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("windows");
        for (TestWindow window : windows) {
            ObjectNode node = list.addObject();
            float[] values = window.values();
            switch (window.kind()) {
                case QUANTIZED -> {
                    byte[] bytes = new byte[values.length];
                    for (int i = 0; i < values.length; i++) {
                        bytes[i] = (byte) values[i];
                    }
                    node.put("int8", Base64.getEncoder().encodeToString(bytes));
                }
                case FEATURES, RAW -> {
                    ArrayNode array = node.putArray(window.kind() == TestWindow.Kind.RAW ? "raw" : "features");
                    for (float value : values) {
                        array.add(value);
                    }
                }
            }
            window.label().ifPresent(label -> node.put("label", label));
        }
        return JSON.writeValueAsBytes(root);
    }

    /**
     * Seeded random int8 input tensors, for a model without a test set: even windows use the whole int8 range,
     * odd ones small values around the input's zero point (where real inputs mostly are). They prove the device
     * computes what the server computes; they say nothing about accuracy.
     *
     * @param inputSize elements of the int8 input tensor
     * @param zeroPoint the input tensor's zero point
     * @param seed      the same seed gives the same windows (so rebuilding the same model reuses the cache)
     */
    public static Windows random(int inputSize, int zeroPoint, long seed, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one random window is needed, got " + count);
        }
        Random random = new Random(seed);
        List<TestWindow> windows = new ArrayList<>();
        for (int w = 0; w < count; w++) {
            byte[] input = new byte[inputSize];
            for (int i = 0; i < inputSize; i++) {
                int value = w % 2 == 0 ? random.nextInt(256) - 128 : zeroPoint + random.nextInt(17) - 8;
                input[i] = (byte) Math.max(-128, Math.min(127, value));
            }
            windows.add(TestWindow.quantized(input, null));
        }
        return new Windows(
                windows,
                SOURCE_RANDOM,
                count + " seeded random int8 windows (seed " + seed
                        + "): the model has no test windows, so the check covers the arithmetic but not accuracy");
    }
}
