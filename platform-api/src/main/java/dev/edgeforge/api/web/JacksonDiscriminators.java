package dev.edgeforge.api.web;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.edgeforge.core.dsp.DspParams;
import dev.edgeforge.core.impulse.InputBlock;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningRateSchedule;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The domain's polymorphic types are JSON objects told apart by a {@code type} member (Jackson's
 * {@link JsonTypeInfo} and {@link JsonSubTypes}). Where a body holds one, the schema generator writes the member as
 * an inline {@code oneOf} of the subtypes without a discriminator, so a generated client could not tell an MFCC block
 * from a spectral one. This adds the discriminator to every such {@code oneOf}, with the mapping from each
 * {@code type} value to its schema, read from the same annotations Jackson reads.
 */
final class JacksonDiscriminators implements OpenApiCustomizer {

    /** The polymorphic types that bodies of the API contain. */
    private static final List<Class<?>> ROOTS =
            List.of(InputBlock.class, DspParams.class, LayerSpec.class, LearningRateSchedule.class);

    private static final String REF_PREFIX = "#/components/schemas/";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        List<Discriminator> discriminators =
                ROOTS.stream().map(JacksonDiscriminators::discriminator).toList();
        for (Schema<?> schema : openApi.getComponents().getSchemas().values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            for (Schema<?> property : schema.getProperties().values()) {
                annotate(property, discriminators);
                if (property.getItems() != null) {
                    annotate(property.getItems(), discriminators);
                }
            }
        }
    }

    private static void annotate(Schema<?> schema, List<Discriminator> discriminators) {
        if (schema.getOneOf() == null || schema.getOneOf().isEmpty() || schema.getDiscriminator() != null) {
            return;
        }
        Set<String> refs = new HashSet<>();
        for (Schema<?> option : schema.getOneOf()) {
            refs.add(option.get$ref());
        }
        for (Discriminator discriminator : discriminators) {
            if (new HashSet<>(discriminator.getMapping().values()).equals(refs)) {
                schema.setDiscriminator(discriminator);
                return;
            }
        }
    }

    private static Discriminator discriminator(Class<?> root) {
        JsonTypeInfo info = root.getAnnotation(JsonTypeInfo.class);
        JsonSubTypes subtypes = root.getAnnotation(JsonSubTypes.class);
        Discriminator discriminator = new Discriminator().propertyName(info.property());
        for (JsonSubTypes.Type type : subtypes.value()) {
            discriminator.mapping(type.name(), REF_PREFIX + type.value().getSimpleName());
        }
        return discriminator;
    }
}
