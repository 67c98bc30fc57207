package dev.edgeforge.api.impulse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.edgeforge.core.dsp.DspParams;
import dev.edgeforge.core.impulse.ImpulseJson;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The catalogue cannot drift from the parameter records: every block, every field, the records' own defaults. */
class DspBlockCatalogueTest {

    private final Map<String, DspBlockCatalogue.Block> blocks = DspBlockCatalogue.blocks().stream()
            .collect(Collectors.toMap(DspBlockCatalogue.Block::type, Function.identity()));

    @Test
    void describesEveryBlockTypeAndEveryParameter() throws Exception {
        JsonSubTypes.Type[] types =
                DspParams.class.getAnnotation(JsonSubTypes.class).value();
        assertThat(blocks.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(types).map(JsonSubTypes.Type::name).toList());
        for (JsonSubTypes.Type type : types) {
            List<String> fields = Arrays.stream(type.value().getRecordComponents())
                    .map(RecordComponent::getName)
                    .toList();
            assertThat(blocks.get(type.name()).parameters())
                    .extracting(DspBlockCatalogue.Parameter::name)
                    .as(type.name())
                    .containsExactlyInAnyOrderElementsOf(fields);
        }
    }

    @Test
    void theDefaultsReadBackAsTheRecordsDefaults() throws Exception {
        for (DspBlockCatalogue.Block block : blocks.values()) {
            ObjectNode json = ImpulseJson.mapper().createObjectNode();
            json.put("type", block.type());
            block.parameters().forEach(p -> json.set(p.name(), p.defaultValue()));
            DspParams parsed = ImpulseJson.mapper().treeToValue(json, DspParams.class);
            Object defaults = parsed.getClass().getMethod("defaults").invoke(null);
            assertThat(parsed).as(block.type()).isEqualTo(defaults);
        }
    }

    @Test
    void choicesAndRangesAreConsistentWithTheirDefaults() {
        for (DspBlockCatalogue.Block block : blocks.values()) {
            for (DspBlockCatalogue.Parameter p : block.parameters()) {
                String at = block.type() + "." + p.name();
                assertThat(p.defaultValue()).as(at).isNotNull();
                switch (p.kind()) {
                    case "choice" ->
                        assertThat(p.options()).as(at).contains(p.defaultValue().asString());
                    case "choices" ->
                        p.defaultValue()
                                .forEach(v -> assertThat(p.options()).as(at).contains(v.asString()));
                    case "power-of-two" ->
                        assertThat(Integer.bitCount(p.defaultValue().asInt()))
                                .as(at)
                                .isOne();
                    case "number", "integer" -> {
                        double v = p.defaultValue().asDouble();
                        if (p.min() != null) {
                            assertThat(p.minExclusive() ? v > p.min() : v >= p.min())
                                    .as(at)
                                    .isTrue();
                        }
                        if (p.max() != null) {
                            assertThat(p.maxExclusive() ? v < p.max() : v <= p.max())
                                    .as(at)
                                    .isTrue();
                        }
                    }
                    case "boolean" ->
                        assertThat(p.defaultValue().isBoolean()).as(at).isTrue();
                    default -> throw new AssertionError(at + " has the unknown kind " + p.kind());
                }
            }
        }
    }
}
