package dev.edgeforge.core.learning;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the features fed to a learning block look like; it picks the default architecture and the data augmentation
 * that makes sense.
 */
public enum FeatureKind {
    /** A flat feature vector {@code [features]}, e.g. spectral-analysis features. */
    @JsonProperty("flat")
    FLAT,
    /** A window of samples {@code [time, channels]}, e.g. raw accelerometer data. */
    @JsonProperty("time_series")
    TIME_SERIES,
    /** Frames of frequency bins {@code [frames, bins, 1]} (or {@code [frames, bins]}), e.g. MFE/MFCC output. */
    @JsonProperty("spectrogram")
    SPECTROGRAM,
    /** Pixels {@code [height, width, channels]}. */
    @JsonProperty("image")
    IMAGE
}
