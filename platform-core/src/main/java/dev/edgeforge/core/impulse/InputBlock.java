package dev.edgeforge.core.impulse;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.edgeforge.core.dsp.ParameterError;
import java.util.List;

/**
 * The first block of an impulse: how raw samples become windows. JSON {@code "type"}: {@code time-series},
 * {@code audio} or {@code image}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TimeSeriesInput.class, name = TimeSeriesInput.TYPE),
    @JsonSubTypes.Type(value = AudioInput.class, name = AudioInput.TYPE),
    @JsonSubTypes.Type(value = ImageInput.class, name = ImageInput.TYPE)
})
public sealed interface InputBlock permits WindowedInput, ImageInput {

    /** Every problem with these settings, fields prefixed with {@code input.}; empty when valid. */
    List<ParameterError> check();
}
