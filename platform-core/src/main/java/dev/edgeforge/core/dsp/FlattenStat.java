package dev.edgeforge.core.dsp;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The statistics the flatten block can compute per axis. Features come out in this enum's order whatever order the
 * parameters list them in. Standard deviation, skewness and kurtosis are population moments around the mean;
 * kurtosis is the excess (Fisher) kurtosis, 0 for a normal distribution; RMS is taken around zero.
 */
public enum FlattenStat {
    @JsonProperty("average")
    AVERAGE,
    @JsonProperty("minimum")
    MINIMUM,
    @JsonProperty("maximum")
    MAXIMUM,
    @JsonProperty("rms")
    RMS,
    @JsonProperty("stdev")
    STDEV,
    @JsonProperty("skewness")
    SKEWNESS,
    @JsonProperty("kurtosis")
    KURTOSIS
}
