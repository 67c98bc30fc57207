package dev.edgeforge.core.format.labels;

import dev.edgeforge.core.format.SampleFormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes Edge Impulse's labels sidecars, {@code info.labels} ({@link InfoLabels}) and
 * {@code bounding_boxes.labels} ({@link BoundingBoxLabels}). Both are JSON with {@code "version": 1}.
 *
 * <p>Reading is strict about structure (duplicate keys, wrong types and unknown label types are errors naming the
 * JSON path) and lenient where tools differ: bounding-box coordinates that are not whole are rounded to the nearest
 * pixel, and metadata values that are numbers or booleans are kept as their text. Unknown fields are ignored.
 */
public final class LabelsFiles {

    /** The file name Edge Impulse uses for {@link InfoLabels}. */
    public static final String INFO_LABELS = "info.labels";
    /** The file name Edge Impulse uses for {@link BoundingBoxLabels}. */
    public static final String BOUNDING_BOXES_LABELS = "bounding_boxes.labels";

    private static final String BOUNDING_BOX_TYPE = "bounding-box-labels";
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private LabelsFiles() {}

    /**
     * Either kind, told apart by content: {@code "type": "bounding-box-labels"} or a {@code files} list.
     *
     * @throws SampleFormatException when it is neither or is malformed
     */
    public static LabelsFile read(byte[] json) {
        JsonNode root = parse(json);
        if (root.has("type") || root.has("boundingBoxes")) {
            return boundingBoxLabels(root);
        }
        if (root.has("files")) {
            return infoLabels(root);
        }
        throw SampleFormatException.malformed("neither an info.labels ('files') nor a bounding_boxes.labels"
                + " ('type': 'bounding-box-labels') file");
    }

    /** @throws SampleFormatException naming the JSON path of the first problem */
    public static InfoLabels readInfoLabels(byte[] json) {
        return infoLabels(parse(json));
    }

    /** @throws SampleFormatException naming the JSON path of the first problem */
    public static BoundingBoxLabels readBoundingBoxLabels(byte[] json) {
        return boundingBoxLabels(parse(json));
    }

    /** Pretty-printed UTF-8 JSON that {@link #readInfoLabels} reads back to an equal value. */
    public static byte[] writeInfoLabels(InfoLabels labels) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ArrayNode files = root.putArray("files");
        for (InfoLabelsEntry entry : labels.files()) {
            ObjectNode f = files.addObject();
            f.put("path", entry.path());
            entry.name().ifPresent(name -> f.put("name", name));
            f.put("category", entry.category());
            entry.label().ifPresent(label -> writeLabel(f.putObject("label"), label));
            if (!entry.metadata().isEmpty()) {
                ObjectNode metadata = f.putObject("metadata");
                entry.metadata().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .forEach(e -> metadata.put(e.getKey(), e.getValue()));
            }
            // written even when empty, as Studio's exports do
            writeBoxes(f.putArray("boundingBoxes"), entry.boundingBoxes());
            entry.enabled().ifPresent(enabled -> f.put("enabled", enabled));
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    /** Pretty-printed UTF-8 JSON that {@link #readBoundingBoxLabels} reads back to an equal value. */
    public static byte[] writeBoundingBoxLabels(BoundingBoxLabels labels) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        root.put("type", BOUNDING_BOX_TYPE);
        ObjectNode boxes = root.putObject("boundingBoxes");
        labels.boundingBoxes().forEach((file, list) -> writeBoxes(boxes.putArray(file), list));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    private static void writeLabel(ObjectNode node, SampleLabel label) {
        if (label instanceof SampleLabel.Single s) {
            node.put("type", "label");
            node.put("label", s.label());
        } else if (label instanceof SampleLabel.Multi m) {
            node.put("type", "multi-label");
            ArrayNode ranges = node.putArray("labels");
            for (LabelRange r : m.labels()) {
                ranges.addObject()
                        .put("label", r.label())
                        .put("startIndex", r.startIndex())
                        .put("endIndex", r.endIndex());
            }
        } else {
            node.put("type", "unlabeled");
        }
    }

    private static void writeBoxes(ArrayNode array, List<BoundingBox> boxes) {
        for (BoundingBox b : boxes) {
            array.addObject()
                    .put("label", b.label())
                    .put("x", b.x())
                    .put("y", b.y())
                    .put("width", b.width())
                    .put("height", b.height());
        }
    }

    private static JsonNode parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw SampleFormatException.malformed("not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw SampleFormatException.malformed("a labels file is a JSON object");
        }
        JsonNode version = root.get("version");
        if (version == null) {
            throw SampleFormatException.malformed("version is missing");
        }
        // canConvertToInt first: asInt() throws (not a SampleFormatException) for a whole number past the int range
        if (!version.isIntegralNumber() || !version.canConvertToInt() || version.asInt() != 1) {
            throw new SampleFormatException(
                    SampleFormatException.Reason.UNSUPPORTED, "version " + version + " is not supported (1)");
        }
        return root;
    }

    private static InfoLabels infoLabels(JsonNode root) {
        JsonNode files = array(root, "files", "files");
        List<InfoLabelsEntry> entries = new ArrayList<>();
        int i = 0;
        for (JsonNode f : files) {
            String path = "files[" + i++ + "]";
            requireObject(f, path);
            String category = string(f, "category", path);
            if (!InfoLabelsEntry.CATEGORIES.contains(category)) {
                throw SampleFormatException.malformed(
                        path + ".category '" + category + "' is not one of training," + " testing, anomaly, split");
            }
            Optional<SampleLabel> label = f.has("label") && !f.get("label").isNull()
                    ? Optional.of(label(f.get("label"), path + ".label"))
                    : Optional.empty();
            entries.add(construct(
                    path,
                    () -> new InfoLabelsEntry(
                            string(f, "path", path),
                            optionalString(f, "name", path),
                            category,
                            label,
                            metadata(f.get("metadata"), path + ".metadata"),
                            f.has("boundingBoxes") && !f.get("boundingBoxes").isNull()
                                    ? boxes(f.get("boundingBoxes"), path + ".boundingBoxes")
                                    : List.of(),
                            optionalBoolean(f, "enabled", path))));
        }
        return new InfoLabels(entries);
    }

    private static SampleLabel label(JsonNode node, String path) {
        requireObject(node, path);
        String type = string(node, "type", path);
        return switch (type) {
            case "unlabeled" -> new SampleLabel.Unlabeled();
            case "label" -> new SampleLabel.Single(string(node, "label", path));
            case "multi-label" -> {
                JsonNode ranges = array(node, "labels", path + ".labels");
                List<LabelRange> out = new ArrayList<>();
                int i = 0;
                for (JsonNode r : ranges) {
                    String at = path + ".labels[" + i++ + "]";
                    requireObject(r, at);
                    out.add(construct(
                            at,
                            () -> new LabelRange(
                                    string(r, "label", at), whole(r, "startIndex", at), whole(r, "endIndex", at))));
                }
                yield new SampleLabel.Multi(out);
            }
            default ->
                throw SampleFormatException.malformed(
                        path + ".type '" + type + "' is not 'label', 'unlabeled' or 'multi-label'");
        };
    }

    private static Map<String, String> metadata(JsonNode node, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        requireObject(node, path);
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            if (v.isString()) {
                out.put(e.getKey(), v.stringValue());
            } else if (v.isNumber() || v.isBoolean()) {
                out.put(e.getKey(), v.asString());
            } else {
                throw SampleFormatException.malformed(
                        path + "." + e.getKey() + ": metadata values are text," + " found " + kind(v));
            }
        }
        return out;
    }

    private static BoundingBoxLabels boundingBoxLabels(JsonNode root) {
        String type = string(root, "type", "");
        if (!BOUNDING_BOX_TYPE.equals(type)) {
            throw SampleFormatException.malformed("type '" + type + "' is not '" + BOUNDING_BOX_TYPE + "'");
        }
        JsonNode all = root.get("boundingBoxes");
        if (all == null) {
            throw SampleFormatException.malformed("boundingBoxes is missing");
        }
        requireObject(all, "boundingBoxes");
        Map<String, List<BoundingBox>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : all.properties()) {
            out.put(e.getKey(), boxes(e.getValue(), "boundingBoxes['" + e.getKey() + "']"));
        }
        return new BoundingBoxLabels(out);
    }

    private static List<BoundingBox> boxes(JsonNode node, String path) {
        if (!node.isArray()) {
            throw SampleFormatException.malformed(path + ": expected an array, found " + kind(node));
        }
        List<BoundingBox> out = new ArrayList<>();
        int i = 0;
        for (JsonNode b : node) {
            String at = path + "[" + i++ + "]";
            requireObject(b, at);
            out.add(construct(
                    at,
                    () -> new BoundingBox(
                            string(b, "label", at),
                            pixel(b, "x", at),
                            pixel(b, "y", at),
                            pixel(b, "width", at),
                            pixel(b, "height", at))));
        }
        return out;
    }

    private static <T> T construct(String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw SampleFormatException.malformed(path + ": " + e.getMessage(), e);
        }
    }

    private static int pixel(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        String at = path + "." + field;
        if (v == null || !v.isNumber()) {
            throw SampleFormatException.malformed(at + ": expected a number, found " + kind(v));
        }
        double d = finite(v);
        if (!Double.isFinite(d) || Math.abs(d) > 1_000_000_000) {
            throw SampleFormatException.malformed(at + ": " + v + " is not a pixel coordinate");
        }
        return (int) Math.round(d);
    }

    private static long whole(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        String at = path + "." + field;
        if (v == null || !v.isNumber() || finite(v) != Math.rint(finite(v)) || Math.abs(finite(v)) > 9.0e15) {
            throw SampleFormatException.malformed(at + ": expected a whole number, found " + kind(v));
        }
        return v.asLong();
    }

    /**
     * The number as a double, or NaN when it has none: {@code asDouble()} throws (not a SampleFormatException) for a
     * whole number past the double range, such as a coordinate of 400 digits.
     */
    private static double finite(JsonNode number) {
        return number.asDouble(Double.NaN);
    }

    private static String string(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        String at = path.isEmpty() ? field : path + "." + field;
        if (v == null) {
            throw SampleFormatException.malformed(at + " is missing");
        }
        if (!v.isString()) {
            throw SampleFormatException.malformed(at + ": expected a string, found " + kind(v));
        }
        return v.stringValue();
    }

    private static Optional<String> optionalString(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(string(node, field, path));
    }

    private static Optional<Boolean> optionalBoolean(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isBoolean()) {
            throw SampleFormatException.malformed(path + "." + field + ": expected true or false, found " + kind(v));
        }
        return Optional.of(v.booleanValue());
    }

    private static JsonNode array(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null) {
            throw SampleFormatException.malformed(path + " is missing");
        }
        if (!v.isArray()) {
            throw SampleFormatException.malformed(path + ": expected an array, found " + kind(v));
        }
        return v;
    }

    private static void requireObject(JsonNode node, String path) {
        if (!node.isObject()) {
            throw SampleFormatException.malformed(path + ": expected an object, found " + kind(node));
        }
    }

    private static String kind(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isString()) {
            return "a string";
        }
        if (v.isNumber()) {
            return "the number " + v;
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        return v.isNull() ? "null" : v.getNodeType().toString();
    }
}
