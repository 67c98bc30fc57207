package dev.edgeforge.core.dsp;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The optional Butterworth filter of the spectral analysis block. */
public enum FilterType {
    @JsonProperty("none")
    NONE,
    @JsonProperty("low")
    LOW,
    @JsonProperty("high")
    HIGH
}
