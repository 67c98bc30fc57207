package dev.edgeforge.core.feature;

import dev.edgeforge.core.dsp.DspParams;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ImpulseJson;
import dev.edgeforge.core.impulse.ProcessingBlock;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Names the features of one sample under one DSP configuration, so feature generation recomputes only what changed:
 * {@code SHA-256("edgeforge-feature-chunk/1\n" + sampleContentHash + "\n" + canonicalConfig)}, as 64 lowercase hex
 * digits.
 *
 * <p>The canonical configuration ({@link Config#canonicalJson()}) is the JSON of the input block and, per processing
 * block in order, its axes and parameters, with object keys sorted and set-valued parameters (e.g. flatten's
 * statistics) sorted, so equal configurations give equal text whatever order they were built or stored in. It
 * deliberately leaves out what does not change features: the impulse version, block ids and names, the learning
 * blocks, and the axes of image impulses (images ignore them). Sample ids and labels are not in the key either:
 * relabelling a sample does not recompute it (the label is attached when rows are assembled, see
 * {@link FeatureChunk#rows}). The prefix carries a version that changes whenever the extraction itself changes
 * meaning, so old chunks are not reused by mistake.
 *
 * @param hex the key, 64 lowercase hex digits
 */
public record FeatureCacheKey(String hex) {

    /** Bumped when feature extraction changes in a way that makes earlier chunks wrong. */
    static final String DOMAIN = "edgeforge-feature-chunk/1";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public FeatureCacheKey {
        Objects.requireNonNull(hex, "hex");
        if (!SHA256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a feature cache key is 64 lowercase hex digits, got '" + hex + "'");
        }
    }

    /**
     * The key of a sample's features under an impulse's input and processing blocks.
     *
     * @param sampleContentHash SHA-256 of the sample's stored bytes, 64 hex digits (either case)
     */
    public static FeatureCacheKey of(String sampleContentHash, Impulse impulse) {
        return Config.of(impulse).keyFor(sampleContentHash);
    }

    /** The key's 32 bytes. */
    public byte[] bytes() {
        return HexFormat.of().parseHex(hex);
    }

    /** The key from its 32 bytes. */
    public static FeatureCacheKey ofBytes(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("a feature cache key has 32 bytes, got " + bytes.length);
        }
        return new FeatureCacheKey(HexFormat.of().formatHex(bytes));
    }

    @Override
    public String toString() {
        return hex;
    }

    /**
     * The canonical DSP configuration of an impulse, computed once and then combined with many content hashes.
     *
     * @param canonicalJson the canonical JSON text (see the class comment)
     */
    public record Config(String canonicalJson) {

        private static final JsonMapper MAPPER = ImpulseJson.mapper();

        public Config {
            Objects.requireNonNull(canonicalJson, "canonicalJson");
        }

        /** The canonical configuration of an impulse's input and processing blocks. */
        public static Config of(Impulse impulse) {
            Objects.requireNonNull(impulse.input(), "impulse input");
            JsonNodeFactory nodes = JsonNodeFactory.instance;
            ObjectNode root = nodes.objectNode();
            root.set("input", sorted(MAPPER.valueToTree(impulse.input())));
            ArrayNode blocks = root.putArray("processingBlocks");
            boolean image = impulse.input() instanceof ImageInput;
            for (ProcessingBlock block : impulse.processingBlocks()) {
                ObjectNode b = nodes.objectNode();
                if (!image) {
                    ArrayNode axes = b.putArray("axes");
                    block.axes().forEach(axes::add);
                }
                b.set("params", sorted(withSortedSets(block.params())));
                blocks.add(b);
            }
            return new Config(MAPPER.writeValueAsString(root));
        }

        /** The key of a sample with this content hash under this configuration. */
        public FeatureCacheKey keyFor(String sampleContentHash) {
            Objects.requireNonNull(sampleContentHash, "sampleContentHash");
            String hash = sampleContentHash.toLowerCase(Locale.ROOT);
            if (!SHA256_HEX.matcher(hash).matches()) {
                throw new IllegalArgumentException(
                        "a sample content hash is a SHA-256 in 64 hex digits, got '" + sampleContentHash + "'");
            }
            MessageDigest sha = sha256();
            sha.update((DOMAIN + "\n" + hash + "\n" + canonicalJson).getBytes(StandardCharsets.UTF_8));
            return ofBytes(sha.digest());
        }

        /** The parameters' JSON with every set-valued record component's array sorted. */
        private static JsonNode withSortedSets(DspParams params) {
            JsonNode tree = MAPPER.valueToTree(params);
            if (!(tree instanceof ObjectNode object)) {
                return tree;
            }
            RecordComponent[] components = params.getClass().getRecordComponents();
            if (components != null) {
                for (RecordComponent c : components) {
                    if (Set.class.isAssignableFrom(c.getType()) && object.get(c.getName()) instanceof ArrayNode a) {
                        List<JsonNode> elements = new ArrayList<>();
                        a.forEach(elements::add);
                        elements.sort(Comparator.comparing(JsonNode::toString));
                        ArrayNode sortedArray = object.putArray(c.getName());
                        elements.forEach(sortedArray::add);
                    }
                }
            }
            return object;
        }

        /** A copy with every object's keys in sorted order, recursively. */
        private static JsonNode sorted(JsonNode node) {
            if (node instanceof ObjectNode object) {
                TreeMap<String, JsonNode> fields = new TreeMap<>();
                for (var entry : object.properties()) {
                    fields.put(entry.getKey(), sorted(entry.getValue()));
                }
                ObjectNode out = JsonNodeFactory.instance.objectNode();
                fields.forEach(out::set);
                return out;
            }
            if (node instanceof ArrayNode array) {
                ArrayNode out = JsonNodeFactory.instance.arrayNode();
                array.forEach(e -> out.add(sorted(e)));
                return out;
            }
            return node;
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }
    }
}
