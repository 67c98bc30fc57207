package dev.edgeforge.core.dsp;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The typed parameters of one processing block. The JSON form carries a {@code "type"} discriminator
 * ({@code raw}, {@code flatten}, {@code spectral-analysis}, {@code mfe}, {@code mfcc}, {@code spectrogram},
 * {@code image}); a parameter left out of the JSON takes its Edge Impulse default.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = RawParams.class, name = RawParams.TYPE),
    @JsonSubTypes.Type(value = FlattenParams.class, name = FlattenParams.TYPE),
    @JsonSubTypes.Type(value = SpectralAnalysisParams.class, name = SpectralAnalysisParams.TYPE),
    @JsonSubTypes.Type(value = MfeParams.class, name = MfeParams.TYPE),
    @JsonSubTypes.Type(value = MfccParams.class, name = MfccParams.TYPE),
    @JsonSubTypes.Type(value = SpectrogramParams.class, name = SpectrogramParams.TYPE),
    @JsonSubTypes.Type(value = ImageParams.class, name = ImageParams.TYPE)
})
public sealed interface DspParams
        permits RawParams,
                FlattenParams,
                SpectralAnalysisParams,
                MfeParams,
                MfccParams,
                SpectrogramParams,
                ImageParams {

    /** The block these parameters configure. */
    DspBlock createBlock();
}
