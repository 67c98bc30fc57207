package dev.edgeforge.core.feature;

/**
 * Feature generation stopped because one sample failed: its loader threw, or it does not fit the impulse (a missing
 * axis, an image for a time-series impulse). The message names the sample and the cause; {@link #sampleId()} says
 * which, so a job can report it and the user can fix or disable that sample.
 */
public class FeatureGenerationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String sampleId;

    public FeatureGenerationException(String sampleId, Throwable cause) {
        super("sample '" + sampleId + "': " + cause.getMessage(), cause);
        this.sampleId = sampleId;
    }

    /** The sample that failed. */
    public String sampleId() {
        return sampleId;
    }
}
